package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** Concurrent messages to one room: none is lost, and the room's {@code msgs} agrees with its history. */
class ConcurrentMessagesTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @Test
  void sixteenThreadsSendingAHundredMessagesEachToOneRoomLoseNone() throws Exception {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    int threads = 16;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            Reply r = server.api().post("/api/v1/livechat/message",
                "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\",\"msg\":\"t" + thread + "-m" + i + "\"}");
            assertEquals(200, r.status(), r.body());
            ids.add(r.json().path("message").path("_id").asText());
          }
          return ids;
        }));
      }
      start.countDown();
      Set<String> sent = new HashSet<>();
      for (Future<List<String>> f : futures) {
        sent.addAll(f.get(120, TimeUnit.SECONDS));
      }
      assertEquals(threads * perThread, sent.size(), "every message got its own _id");

      JsonNode room = server.api().get("/api/v1/livechat/room?token=" + token + "&rid=" + rid).json().path("room");
      JsonNode history = server.api().get("/api/v1/livechat/messages.history/" + rid + "?token=" + token + "&limit=0")
          .json().path("messages");
      Set<String> written = new HashSet<>();
      String previousTs = null;
      for (JsonNode m : history) {
        if (!m.has("t")) {
          written.add(m.path("_id").asText());
        }
        String ts = m.path("ts").asText();
        if (previousTs != null) {
          assertEquals(true, ts.compareTo(previousTs) <= 0, "newest first: " + ts + " after " + previousTs);
        }
        previousTs = ts;
      }
      assertEquals(sent, written, "the history holds exactly the messages sent");
      assertEquals(threads * perThread, room.path("msgs").asInt(), "msgs counts every written message");
      assertEquals(history.path(0).path("_id"), room.path("lastMessage").path("_id"), "lastMessage is the newest");
    } finally {
      pool.shutdownNow();
    }
  }
}
