package org.livechatcontract.server.http;

import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty raises itself, before a request reaches Jersey (a bad percent-escape in the path,
 * an oversized request line or header block, a malformed request), answered as Rocket.Chat-shaped
 * JSON instead of Jetty's HTML page.
 */
public final class JettyJsonErrors extends ErrorHandler {
  private static final String JSON = "application/json";

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    int status = hasCause(cause, URISyntaxException.class) || hasCause(cause, IllegalArgumentException.class)
        ? 400 : code;
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // Jetty closes the connection after a request it could not parse. Say so: after a 414 it answers a
    // request line it never read as HTTP/1.0 and sends no Connection header, so a keep-alive client would
    // send its next request on a closed connection.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body(status)), callback);
  }

  /** Jetty writes error pages for GET, POST and HEAD only; a PUT, PATCH or DELETE would get an empty body. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
    return ByteBuffer.wrap(body(status));
  }

  static byte[] body(int status) {
    return ("{\"success\":false,\"error\":\"" + text(status) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code error} text of the server's own answer with this status. */
  static String text(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "Resource not found";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal server error";
      default -> {
        String reason = HttpStatus.getMessage(status);
        yield reason == null ? "HTTP " + status : reason;
      }
    };
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
