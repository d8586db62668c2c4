package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livechatcontract.server.store.DurableStore;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.ServerProcess;

/**
 * {@code --data-file} against real process deaths: a server killed with SIGKILL while many clients
 * write loses none of the writes it acknowledged and shows none that nobody made; one stopped with
 * SIGTERM leaves a snapshot and an empty journal.
 */
class KillTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int WRITERS = 8;
  static final int ROUNDS = 3;
  static final String MESSAGE_PREFIX = "message ";

  @TempDir
  Path dir;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** What the writers attempted, and which of those attempts got a 2xx. */
  static final class Ledger {
    final Set<String> ackedVisitors = ConcurrentHashMap.newKeySet();
    final Map<String, String> ackedRooms = new ConcurrentHashMap<>(); // rid -> token
    final Map<String, String> attemptedMessages = new ConcurrentHashMap<>(); // _id -> text
    final Map<String, String> ackedMessages = new ConcurrentHashMap<>(); // _id -> rid
  }

  record Answer(int status, JsonNode body) {}

  Answer send(URI base, String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (json == null) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
  }

  static boolean ok(Answer a) {
    return a.status() >= 200 && a.status() < 300;
  }

  /** One writer: visitors, each with a room and three messages, until the server dies under it. */
  void write(URI base, String prefix, Ledger ledger, AtomicBoolean stop, int iterations) {
    try {
      for (int i = 0; i < iterations && !stop.get(); i++) {
        String token = prefix + "-" + i;
        if (!ok(send(base, "POST", "/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + token + "\"}}"))) {
          continue;
        }
        ledger.ackedVisitors.add(token);
        Answer room = send(base, "GET", "/api/v1/livechat/room?token=" + token, null);
        if (!ok(room)) {
          continue;
        }
        String rid = room.body().path("room").path("_id").asText();
        ledger.ackedRooms.put(rid, token);
        for (int k = 1; k <= 3; k++) {
          String id = token + "-m" + k;
          String text = MESSAGE_PREFIX + k + " of " + token;
          ledger.attemptedMessages.put(id, text);
          Answer m = send(base, "POST", "/api/v1/livechat/message", "{\"token\":\"" + token + "\",\"rid\":\"" + rid
              + "\",\"msg\":\"" + text + "\",\"_id\":\"" + id + "\"}");
          if (ok(m)) {
            ledger.ackedMessages.put(id, rid);
          }
        }
      }
    } catch (IOException e) {
      // the server was killed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every acknowledged write is there; every written message in those rooms was attempted, once, as sent. */
  int verify(URI base, Ledger ledger, ExecutorService pool) throws Exception {
    List<Future<String>> usernames = new ArrayList<>();
    for (String token : ledger.ackedVisitors) {
      usernames.add(pool.submit(() -> {
        Answer v = send(base, "GET", "/api/v1/livechat/visitor/" + token, null);
        assertEquals(200, v.status(), () -> "acknowledged visitor " + token + " is missing: " + v.body());
        return v.body().path("visitor").path("username").asText();
      }));
    }
    Set<String> distinct = new HashSet<>();
    for (Future<String> u : usernames) {
      String name = u.get();
      assertTrue(distinct.add(name), "guest name " + name + " was given to two visitors");
    }
    List<Future<Integer>> rooms = new ArrayList<>();
    for (Map.Entry<String, String> room : ledger.ackedRooms.entrySet()) {
      rooms.add(pool.submit(() -> checkRoom(base, room.getKey(), room.getValue(), ledger)));
    }
    int checked = 0;
    for (Future<Integer> r : rooms) {
      checked += r.get();
    }
    return checked;
  }

  int checkRoom(URI base, String rid, String token, Ledger ledger) throws Exception {
    Answer h = send(base, "GET", "/api/v1/livechat/messages.history/" + rid + "?token=" + token, null);
    assertEquals(200, h.status(), () -> "acknowledged room " + rid + " is missing: " + h.body());
    Set<String> present = new HashSet<>();
    for (JsonNode m : h.body().path("messages")) {
      if (m.has("t")) {
        continue; // the server's own system messages
      }
      String id = m.path("_id").asText();
      assertEquals(ledger.attemptedMessages.get(id), m.path("msg").asText(),
          () -> "message " + id + " in room " + rid + " was never sent as it appears");
      assertTrue(present.add(id), () -> "message " + id + " appears twice");
    }
    int acked = 0;
    for (Map.Entry<String, String> m : ledger.ackedMessages.entrySet()) {
      if (m.getValue().equals(rid)) {
        acked++;
        assertTrue(present.contains(m.getKey()), () -> "acknowledged message " + m.getKey() + " is missing");
      }
    }
    return acked;
  }

  @Test
  void sigkillAtRandomMomentsLosesNoAcknowledgedWriteAndInventsNone() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path file = dir.resolve("killed.lcj");
    Ledger ledger = new Ledger();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<String> report = new ArrayList<>();
    ServerProcess server = ServerProcess.start(file, "--compact-after", "256k");
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        URI base = server.baseUri();
        AtomicBoolean stop = new AtomicBoolean();
        write(base, "r" + round + "warm", ledger, stop, 1); // a fresh JVM answers its first requests slowly
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          String prefix = "r" + round + "w" + w;
          writers.add(pool.submit(() -> write(base, prefix, ledger, stop, Integer.MAX_VALUE)));
        }
        long killAfter = 300 + random.nextInt(2700);
        Thread.sleep(killAfter);
        server.kill();
        stop.set(true);
        for (Future<?> f : writers) {
          f.get();
        }
        server = ServerProcess.start(file, "--compact-after", "256k");
        int messages = verify(server.baseUri(), ledger, pool);
        report.add("round " + round + ": killed after " + killAfter + " ms; " + ledger.ackedVisitors.size()
            + " visitors, " + ledger.ackedRooms.size() + " rooms, " + messages + " messages acknowledged so far, all present");
      }
      assertTrue(ledger.ackedMessages.size() > 0, "the writers got some writes through");
      System.out.println("KillTest (seed " + seed + "): " + String.join("; ", report));
    } finally {
      server.close();
      pool.shutdownNow();
    }
  }

  @Test
  void sigtermWritesASnapshotLeavesAnEmptyJournalAndLosesNothing() throws Exception {
    Path file = dir.resolve("terminated.lcj");
    ServerProcess server = ServerProcess.start(file);
    List<String> rids = new ArrayList<>();
    try {
      Api api = new Api(server.baseUri());
      for (int i = 0; i < 5; i++) {
        rids.add(DataFileTest.conversation(api, "term-" + i));
      }
    } finally {
      assertEquals(143, server.terminate(), "the JVM's exit code after SIGTERM");
    }
    assertTrue(server.log().stream().anyMatch(l -> l.contains("compacted a journal")), String.join("\n", server.log()));
    assertEquals(12, Files.size(file), "the journal holds only its header");
    assertTrue(Files.size(file.resolveSibling("terminated.lcj.snapshot")) > 12);

    try (LivechatServer again = LivechatServer.start(LivechatServer.Config.defaults(0), DurableStore.Options.at(file))) {
      Api api = new Api(again.baseUri());
      for (int i = 0; i < 5; i++) {
        assertEquals(List.of("term-" + i + "-m1:text 1", "term-" + i + "-m2:text 2"),
            DataFileTest.writtenMessages(api, "term-" + i, rids.get(i)));
      }
    }
  }
}
