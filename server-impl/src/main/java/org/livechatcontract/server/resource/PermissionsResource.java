package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.livechatcontract.api.PermissionsApi;
import org.livechatcontract.model.PermissionsResponse;
import org.livechatcontract.model.PermissionsUpdateRequest;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.Times;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** {@code POST permissions.update}. */
@Singleton
public final class PermissionsResource implements PermissionsApi {
  private final Permissions permissions;
  private final Clock clock;

  @Inject
  public PermissionsResource(Permissions permissions, Clock clock) {
    this.permissions = permissions;
    this.clock = clock;
  }

  @Override
  @Authenticated(permissions = Permissions.ACCESS_PERMISSIONS)
  @Validated(InputStyle.AJV_ROUTER)
  public PermissionsResponse updatePermissions(PermissionsUpdateRequest body) {
    return new PermissionsResponse()
        .permissions(permissions.update(body.getPermissions().stream()
                .map(p -> new Permissions.Change(p.getId(), p.getRoles()))
                .toList(), Times.now(clock))
            .stream().map(Dtos::permission).toList())
        .success(true);
  }
}
