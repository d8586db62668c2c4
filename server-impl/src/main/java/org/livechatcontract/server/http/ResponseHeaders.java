package org.livechatcontract.server.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Headers on every answer, as Rocket.Chat's router sets them ({@code Cache-Control: no-store},
 * {@code Pragma: no-cache}). An {@code OPTIONS} request is answered 204 with the {@code Allow}
 * header and no body, instead of Jersey's plain-text listing.
 */
public final class ResponseHeaders implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    response.getHeaders().putSingle("Pragma", "no-cache");
    if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() == 200) {
      response.setStatus(204);
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }
}
