package org.livechatcontract.server.http;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Arrays;
import org.livechatcontract.server.domain.AuthService;
import org.livechatcontract.server.domain.Permissions;

/** Attaches the per-endpoint filters ({@link Authenticated}, {@link Validated}) to the methods that ask for them. */
public final class EndpointRules implements DynamicFeature {
  private final AuthService auth;
  private final Permissions permissions;

  public EndpointRules(AuthService auth, Permissions permissions) {
    this.auth = auth;
    this.permissions = permissions;
  }

  @Override
  public void configure(ResourceInfo info, FeatureContext context) {
    Authenticated authenticated = ResourceMethods.annotation(info, Authenticated.class);
    if (authenticated != null) {
      context.register(new AuthFilter(auth, permissions, Arrays.asList(authenticated.permissions()),
          Arrays.asList(authenticated.anyOf())));
    }
    Validated validated = ResourceMethods.annotation(info, Validated.class);
    if (validated != null) {
      context.register(new QueryCheckFilter(ResourceMethods.generated(info), validated.value()));
    }
  }
}
