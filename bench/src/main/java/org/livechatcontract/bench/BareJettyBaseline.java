package org.livechatcontract.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.livechatcontract.server.LivechatServer;

/**
 * The ceiling: the same Jetty as the server (built by the same Jersey factory, so the same thread
 * pool, connector and HTTP configuration), with one bare handler that answers every request with the
 * bytes and headers of the hot {@code GET livechat/room}. No Jersey, no JSON, no state.
 *
 * <p>Arguments: {@code --body FILE} (the hot GET's body) and {@code --content-type TYPE}. Prints
 * {@code READY port=..} and stops when its standard input closes.
 */
public final class BareJettyBaseline {
  private BareJettyBaseline() {}

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    byte[] body = Files.readAllBytes(Path.of(a.text("--body", "")));
    String contentType = a.text("--content-type", "application/json");
    int port = a.integer("--port", 0);

    Server jetty = JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:" + port + "/"), false);
    jetty.setHandler(new FixedAnswer(body, contentType));
    ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
    connector.setHost("127.0.0.1");
    HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
    http.getHttpConfiguration().setRequestHeaderSize(LivechatServer.MAX_REQUEST_HEADER_BYTES);
    http.getHttpConfiguration().setSendServerVersion(false);
    http.getHttpConfiguration().setSendXPoweredBy(false);
    jetty.start();

    System.out.println("READY port=" + connector.getLocalPort());
    System.out.flush();
    Stdin.awaitClose();
    jetty.stop();
    System.exit(0);
  }

  /** Answers every request with the same status, headers and body, as the server's hot GET does. */
  static final class FixedAnswer extends Handler.Abstract {
    private final ByteBuffer body;
    private final String contentType;

    FixedAnswer(byte[] body, String contentType) {
      this.body = ByteBuffer.wrap(body).asReadOnlyBuffer();
      this.contentType = contentType;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      response.setStatus(200);
      HttpFields.Mutable headers = response.getHeaders();
      headers.put(HttpHeader.CONTENT_TYPE, contentType);
      headers.put(HttpHeader.CACHE_CONTROL, "no-store");
      headers.put(HttpHeader.PRAGMA, "no-cache");
      headers.put(HttpHeader.CONTENT_LENGTH, body.remaining());
      response.write(true, body.slice(), callback);
      return true;
    }
  }
}
