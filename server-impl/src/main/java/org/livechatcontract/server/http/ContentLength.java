package org.livechatcontract.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Sends every body whole, with a {@code Content-Length}. Jersey's Jetty container turns Jersey's own
 * response buffering off, so without this each JSON answer went out chunked, in two writes.
 */
@Priority(Priorities.ENTITY_CODER)
public final class ContentLength implements WriterInterceptor {
  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    OutputStream target = context.getOutputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
    context.setOutputStream(body);
    try {
      context.proceed();
    } finally {
      context.setOutputStream(target);
    }
    context.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, body.size());
    body.writeTo(target);
  }
}
