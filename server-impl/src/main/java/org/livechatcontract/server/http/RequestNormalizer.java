package org.livechatcontract.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Rocket.Chat's router ignores {@code Accept} and always answers JSON; so does this server (no 406).
 */
@PreMatching
@Priority(0)
public final class RequestNormalizer implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
  }
}
