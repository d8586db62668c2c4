package org.livechatcontract.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what is left of a request body before the answer goes out. An error answered before the body
 * was read (a 415, a refused credential) otherwise leaves Jetty to close the connection after an answer
 * that did not say so, whenever the body had not fully arrived yet; a keep-alive client then sends its
 * next request on a closed connection. A body larger than {@link #MAX_DRAINED} is not read: the answer
 * says {@code Connection: close} instead.
 */
public final class RequestBodyDrain implements ContainerResponseFilter {
  static final int MAX_DRAINED = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null && request.getHeaderString("Transfer-Encoding") == null) {
      return; // no body
    }
    byte[] buffer = new byte[8192];
    long drained = 0;
    try {
      InputStream in = request.getEntityStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        drained += n;
        if (drained > MAX_DRAINED) {
          response.getHeaders().putSingle("Connection", "close");
          return;
        }
      }
    } catch (IllegalStateException alreadyRead) {
      // Jersey closes the entity stream once it has read the body: nothing is left
    } catch (IOException e) {
      response.getHeaders().putSingle("Connection", "close");
    }
  }
}
