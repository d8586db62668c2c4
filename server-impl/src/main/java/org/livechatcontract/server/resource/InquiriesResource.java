package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.livechatcontract.api.OmnichannelInquiriesApi;
import org.livechatcontract.model.InquiriesResponse;
import org.livechatcontract.model.InquiryResponse;
import org.livechatcontract.model.InquiryTakeRequest;
import org.livechatcontract.model.SuccessResponse;
import org.livechatcontract.server.domain.Inquiry;
import org.livechatcontract.server.domain.InquiryService;
import org.livechatcontract.server.domain.Page;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.AuthenticatedUser;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** {@code livechat/inquiries.queued}, {@code livechat/inquiries.getOne} and {@code livechat/inquiries.take}. */
@Singleton
public final class InquiriesResource implements OmnichannelInquiriesApi {
  private final InquiryService inquiries;

  @Context
  private SecurityContext security;

  @Inject
  public InquiriesResource(InquiryService inquiries) {
    this.inquiries = inquiries;
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_L_ROOM)
  @Validated(InputStyle.AJV)
  public InquiriesResponse listQueuedInquiries(String department, Integer count, Integer offset, String sort) {
    Page<Inquiry> page = inquiries.queuedFor(AuthenticatedUser.of(security).user(), department, offset, count);
    return new InquiriesResponse()
        .inquiries(page.items().stream().map(Dtos::inquiry).toList())
        .count(page.items().size())
        .offset(page.offset())
        .total(page.total())
        .success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_L_ROOM)
  @Validated(InputStyle.AJV)
  public InquiryResponse getInquiry(String roomId) {
    return new InquiryResponse()
        .inquiry(inquiries.ofRoom(roomId).map(Dtos::inquiry).orElse(null))
        .success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_L_ROOM)
  @Validated(InputStyle.AJV)
  public SuccessResponse takeInquiry(InquiryTakeRequest body) {
    inquiries.take(AuthenticatedUser.of(security).user(), body.getInquiryId(), body.getUserId());
    return Dtos.success();
  }
}
