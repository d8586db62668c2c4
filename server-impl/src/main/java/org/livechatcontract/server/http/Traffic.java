package org.livechatcontract.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per request (logger {@code org.livechatcontract.access}, INFO), and the full
 * exchange handed to a listener (the stub's request journal). Both see only redacted text: no token
 * or password reaches a log line or the journal.
 */
public final class Traffic extends Handler.Wrapper {
  public static final String RULE_HEADER = "X-Stub-Rule";
  private static final Logger ACCESS = LoggerFactory.getLogger("org.livechatcontract.access");
  private static final int MAX_BODY_BYTES = 64 * 1024;

  /** A finished exchange, redacted. */
  public record Exchange(Instant time, String method, String path, String query, Map<String, String> requestHeaders,
      String requestBody, int status, String responseBody, long elapsedMs, String rule) {}

  private final Redaction redaction;
  private final Clock clock;
  private final Consumer<Exchange> listener;

  /** @param listener receives every exchange on {@code /api/v1/} outside {@code /api/v1/stub/}; may be null */
  public Traffic(Redaction redaction, Clock clock, Consumer<Exchange> listener) {
    this.redaction = redaction;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long started = System.nanoTime();
    Instant time = clock.instant();
    String path = request.getHttpURI().getPath();
    boolean journaled = listener != null && path != null && path.startsWith("/api/v1/") && !path.startsWith("/api/v1/stub/");
    Capture in = new Capture(journaled);
    Capture out = new Capture(journaled);
    // Recorded just before the last write (the client cannot have the whole answer before the journal has it),
    // or when the exchange completes without one.
    AtomicBoolean recorded = new AtomicBoolean();
    Runnable record = () -> {
      if (recorded.compareAndSet(false, true)) {
        finish(request, response, time, started, in, out, journaled);
      }
    };
    Request req = !journaled ? request : new Request.Wrapper(request) {
      @Override
      public Content.Chunk read() {
        Content.Chunk chunk = super.read();
        if (chunk != null) {
          in.add(chunk.getByteBuffer());
        }
        return chunk;
      }
    };
    Response res = new Response.Wrapper(req, response) {
      @Override
      public void write(boolean last, ByteBuffer content, Callback cb) {
        out.add(content);
        if (last) {
          record.run();
        }
        super.write(last, content, cb);
      }
    };
    Callback done = new Callback.Nested(callback) {
      @Override
      public void succeeded() {
        record.run();
        super.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        record.run();
        super.failed(x);
      }
    };
    return super.handle(req, res, done);
  }

  private void finish(Request request, Response response, Instant time, long started, Capture in, Capture out,
      boolean journaled) {
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    String path = redaction.path(String.valueOf(request.getHttpURI().getPath()));
    String query = redaction.query(request.getHttpURI().getQuery());
    String rule = response.getHeaders().get(RULE_HEADER);
    int status = response.getStatus();
    if (ACCESS.isInfoEnabled()) {
      ACCESS.info("{} {}{} {} {}ms{}", request.getMethod(), path, query == null ? "" : "?" + query, status, elapsed,
          rule == null ? "" : " rule=" + rule);
    }
    if (!journaled) {
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField f : request.getHeaders()) {
      headers.merge(f.getName(), redaction.header(f.getName(), f.getValue()), (a, b) -> a + ", " + b);
    }
    listener.accept(new Exchange(time, request.getMethod(), path, query, headers, in.redacted(redaction), status,
        out.redacted(redaction), elapsed, rule));
  }

  /** The first bytes of a body, copied as they pass. */
  private static final class Capture {
    private final ByteArrayOutputStream bytes;
    private long total;

    Capture(boolean on) {
      this.bytes = on ? new ByteArrayOutputStream() : null;
    }

    synchronized void add(ByteBuffer content) {
      if (bytes == null || content == null || !content.hasRemaining()) {
        return;
      }
      ByteBuffer view = content.slice();
      total += view.remaining();
      int room = MAX_BODY_BYTES - bytes.size();
      if (room > 0) {
        byte[] chunk = new byte[Math.min(room, view.remaining())];
        view.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    synchronized String redacted(Redaction redaction) {
      if (total == 0) {
        return null;
      }
      if (total > MAX_BODY_BYTES) {
        return "(" + total + " bytes: too large to record)";
      }
      String text = redaction.body(bytes.toString(StandardCharsets.UTF_8));
      return text != null ? text : "(" + total + " bytes, not JSON: not recorded)";
    }
  }
}
