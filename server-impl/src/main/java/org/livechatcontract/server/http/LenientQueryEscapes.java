package org.livechatcontract.server.http;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads a query string the way Rocket.Chat's {@code qs} does: a percent sign that does not start a
 * valid escape ({@code ?token=%zz}) is literal text. Without this, Jersey cannot even build the
 * request URI and the request fails before any mapper can answer it.
 */
public final class LenientQueryEscapes extends Handler.Wrapper {
  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String query = request.getHttpURI().getQuery();
    if (query != null && hasStrayPercent(query)) {
      HttpURI repaired = HttpURI.build(request.getHttpURI()).query(escapeStrayPercents(query)).asImmutable();
      request = new Request.Wrapper(request) {
        @Override
        public HttpURI getHttpURI() {
          return repaired;
        }
      };
    }
    return super.handle(request, response, callback);
  }

  static boolean hasStrayPercent(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%' && !validEscapeAt(s, i)) {
        return true;
      }
    }
    return false;
  }

  static String escapeStrayPercents(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c == '%' && !validEscapeAt(s, i) ? "%25" : String.valueOf(c));
    }
    return sb.toString();
  }

  private static boolean validEscapeAt(String s, int i) {
    return i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2));
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
