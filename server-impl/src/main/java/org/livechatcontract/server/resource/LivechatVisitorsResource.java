package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.livechatcontract.api.LivechatVisitorsApi;
import org.livechatcontract.model.AppliedCustomField;
import org.livechatcontract.model.CustomFieldRequest;
import org.livechatcontract.model.CustomFieldResponse;
import org.livechatcontract.model.CustomFieldValue;
import org.livechatcontract.model.CustomFieldsRequest;
import org.livechatcontract.model.CustomFieldsResponse;
import org.livechatcontract.model.DeletedVisitor;
import org.livechatcontract.model.VisitorDeletedResponse;
import org.livechatcontract.model.VisitorResponse;
import org.livechatcontract.model.VisitorStatusRequest;
import org.livechatcontract.model.VisitorStatusResponse;
import org.livechatcontract.server.domain.GuestService;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** The visitor's calls about themself: read, delete, presence, custom fields. */
@Singleton
public final class LivechatVisitorsResource implements LivechatVisitorsApi {
  private final GuestService guests;

  @Inject
  public LivechatVisitorsResource(GuestService guests) {
    this.guests = guests;
  }

  @Override
  public VisitorResponse getVisitor(String token) {
    return new VisitorResponse().visitor(Dtos.visitor(guests.visitor(token))).success(true);
  }

  @Override
  public VisitorDeletedResponse deleteVisitor(String token) {
    GuestService.Removed removed = guests.delete(token);
    return new VisitorDeletedResponse()
        .visitor(new DeletedVisitor().id(removed.id()).ts(Dtos.time(removed.ts())))
        .success(true);
  }

  @Override
  @Validated
  public VisitorStatusResponse setVisitorStatus(VisitorStatusRequest body) {
    return new VisitorStatusResponse()
        .token(body.getToken())
        .status(guests.setStatus(body.getToken(), body.getStatus().value()).wire())
        .success(true);
  }

  @Override
  @Validated(InputStyle.AJV)
  public CustomFieldResponse setCustomField(CustomFieldRequest body) {
    GuestService.FieldValue set = guests.setCustomField(body.getToken(),
        new GuestService.FieldValue(body.getKey(), body.getValue(), body.getOverwrite()));
    return new CustomFieldResponse()
        .field(new CustomFieldValue().key(set.key()).value(set.value()).overwrite(set.overwrite()))
        .success(true);
  }

  @Override
  @Validated(InputStyle.AJV)
  public CustomFieldsResponse setCustomFields(CustomFieldsRequest body) {
    return new CustomFieldsResponse()
        .fields(guests.setCustomFields(body.getToken(), body.getCustomFields().stream()
                .map(f -> new GuestService.FieldValue(f.getKey(), f.getValue(), f.getOverwrite()))
                .toList())
            .stream()
            .map(f -> new AppliedCustomField().key(f.key()).value(f.value()).overwrite(f.overwrite()))
            .toList())
        .success(true);
  }
}
