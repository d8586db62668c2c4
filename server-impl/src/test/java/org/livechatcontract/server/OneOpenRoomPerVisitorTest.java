package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Stricter than Rocket.Chat on purpose: concurrent get-or-create calls for one visitor produce one
 * open room (Rocket.Chat can create two, behaviour-doc §3.3).
 */
class OneOpenRoomPerVisitorTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @Test
  void sixtyFourConcurrentCallsForOneNewVisitorOpenExactlyOneRoom() throws Exception {
    for (int round = 0; round < 3; round++) {
      String token = server.newVisitor();
      int callers = 64;
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<Reply>> futures = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          futures.add(pool.submit(() -> {
            start.await();
            return server.api().get("/api/v1/livechat/room?token=" + token);
          }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        int created = 0;
        for (Future<Reply> f : futures) {
          Reply r = f.get(60, TimeUnit.SECONDS);
          assertEquals(200, r.status(), r.body());
          ids.add(r.json().path("room").path("_id").asText());
          created += r.json().path("newRoom").asBoolean() ? 1 : 0;
        }
        assertEquals(1, ids.size(), "all 64 answers carry the same room: " + ids);
        assertEquals(1, created, "exactly one answer says newRoom:true");
        assertEquals(1, server.state().store().openRoomsByVisitorToken(token).size());
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
