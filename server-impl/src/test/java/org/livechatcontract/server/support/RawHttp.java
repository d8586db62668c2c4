package org.livechatcontract.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes no well-behaved client would (malformed request lines, bad escapes in the path) and
 * returns what came back. Only for loopback tests of the server's own error handling.
 */
public final class RawHttp {
  private RawHttp() {}

  /** The response to a raw request: status code and the body after the headers. */
  public record RawReply(int status, String head, String body) {}

  public static RawReply send(int port, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      String text = buf.toString(StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      int status = Integer.parseInt(head.substring(9, 12));
      return new RawReply(status, head, body);
    }
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, eol + 2, eol + 2 + size);
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
