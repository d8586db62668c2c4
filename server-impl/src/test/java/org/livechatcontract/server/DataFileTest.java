package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.livechatcontract.server.store.DurableStore;
import org.livechatcontract.server.store.journal.JournalException;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.DataFiles;
import org.livechatcontract.server.support.Reply;

/** {@code --data-file}: what a restart keeps, what a crash image keeps, and what a damaged or owned file does. */
class DataFileTest {
  @TempDir
  Path dir;

  final List<LivechatServer> running = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    for (LivechatServer s : running) {
      s.close();
    }
  }

  LivechatServer start(Path file) throws Exception {
    return start(file, LivechatServer.Config.defaults(0));
  }

  LivechatServer start(Path file, LivechatServer.Config config) throws Exception {
    LivechatServer s = LivechatServer.start(config, DurableStore.Options.at(file));
    running.add(s);
    return s;
  }

  void stop(LivechatServer s) throws Exception {
    running.remove(s);
    s.close();
  }

  static Reply ok(Reply r) {
    assertEquals(200, r.status(), r::toString);
    return r;
  }

  /** A visitor with a room and two messages ({@code <token>-m1}, {@code <token>-m2}); returns the room's id. */
  static String conversation(Api api, String token) {
    ok(api.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + token + "\",\"name\":\"Mary\"}}"));
    String rid = ok(api.get("/api/v1/livechat/room?token=" + token)).json().path("room").path("_id").asText();
    for (String n : List.of("1", "2")) {
      ok(api.post("/api/v1/livechat/message", "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\",\"msg\":\"text "
          + n + "\",\"_id\":\"" + token + "-m" + n + "\"}"));
    }
    return rid;
  }

  static List<String> writtenMessages(Api api, String token, String rid) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : ok(api.get("/api/v1/livechat/messages.history/" + rid + "?token=" + token + "&sort=%7B%22ts%22:1%7D"))
        .json().path("messages")) {
      if (!m.has("t")) {
        out.add(m.path("_id").asText() + ":" + m.path("msg").asText());
      }
    }
    return out;
  }

  Path crashImage(Path file) throws Exception {
    return DataFiles.crashImage(dir, file);
  }

  @Test
  void aRestartKeepsVisitorsRoomsMessagesUsersSettingsPermissionsAndTheGuestCounter() throws Exception {
    Path file = dir.resolve("state.lcj");
    LivechatServer first = start(file);
    Api api = new Api(first.baseUri());
    String rid = conversation(api, "tok-1");
    ok(api.put("/api/v1/livechat/message/tok-1-m1", "{\"token\":\"tok-1\",\"rid\":\"" + rid + "\",\"msg\":\"edited\"}"));
    Api admin = api.as(api.login("admin", "admin"));
    ok(admin.post("/api/v1/users.create", "{\"username\":\"carol\",\"name\":\"Carol\",\"email\":\"carol@example.com\","
        + "\"password\":\"carol-pw\",\"roles\":[\"user\"]}"));
    ok(admin.post("/api/v1/settings/Livechat_Routing_Method", "{\"value\":\"Manual_Selection\"}"));
    ok(admin.post("/api/v1/permissions.update",
        "{\"permissions\":[{\"_id\":\"view-livechat-manager\",\"roles\":[\"admin\"]}]}"));
    stop(first);

    LivechatServer second = start(file);
    Api again = new Api(second.baseUri());
    assertEquals("Mary", ok(again.get("/api/v1/livechat/visitor/tok-1")).json().path("visitor").path("name").asText());
    assertEquals(List.of("tok-1-m1:edited", "tok-1-m2:text 2"), writtenMessages(again, "tok-1", rid));
    again.login("carol", "carol-pw");
    Api admin2 = again.as(again.login("admin", "admin"));
    assertEquals("Manual_Selection",
        ok(admin2.get("/api/v1/settings/Livechat_Routing_Method")).json().path("value").asText());
    assertEquals(403, again.as(again.login("manager", "manager")).get("/api/v1/livechat/visitor/x/room").status(),
        "the manager lost view-livechat-manager before the restart");
    assertEquals("guest-2", ok(again.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"tok-2\"}}"))
        .json().path("visitor").path("username").asText(), "guest numbers are not handed out twice");
  }

  @Test
  void aCrashImageWithATornLastRecordStartsWithoutThatRecordAndWithEverythingBefore() throws Exception {
    Path file = dir.resolve("torn.lcj");
    LivechatServer first = start(file);
    String rid = conversation(new Api(first.baseUri()), "tok-1");
    Path image = crashImage(file);
    try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
      raf.seek(raf.length());
      raf.writeInt(500); // a record of 500 bytes, of which the crash let 10 reach the disk
      raf.writeInt(0x1234);
      raf.write("{\"t\":\"room".getBytes(StandardCharsets.UTF_8));
    }

    LivechatServer second = start(image);
    DurableStore store = (DurableStore) second.state().store();
    assertNotNull(store.recovery().droppedTail(), "the start reports the dropped tail");
    assertTrue(store.recovery().droppedTail().contains("runs past the end"), store.recovery().droppedTail());
    assertEquals(List.of("tok-1-m1:text 1", "tok-1-m2:text 2"), writtenMessages(new Api(second.baseUri()), "tok-1", rid));
  }

  @Test
  @Timeout(60) // a start that is not refused would serve until stopped
  void corruptionBeforeTheLastRecordStopsTheStartNamingTheFileAndTheOffset() throws Exception {
    Path file = dir.resolve("corrupt.lcj");
    LivechatServer first = start(file);
    conversation(new Api(first.baseUri()), "tok-1");
    Path image = crashImage(file);
    try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
      raf.seek(12 + 8 + 2); // inside the first record's payload, after the header (12) and its length and checksum
      raf.write('#');
    }

    JournalException e = assertThrows(JournalException.class, () -> start(image));
    assertTrue(e.getMessage().startsWith(image.toString()) && e.getMessage().contains("offset 12"), e.getMessage());
    String err = stderrOf(() -> assertEquals(2, Main.run("--port", "0", "--data-file", image.toString())));
    assertTrue(err.contains(image.toString()) && err.contains("corrupt at offset 12"), err);
  }

  @Test
  @Timeout(60)
  void aSecondServerOnTheSameDataFileIsRefusedWithExitCodeTwo() throws Exception {
    Path file = dir.resolve("owned.lcj");
    start(file);
    String err = stderrOf(() -> assertEquals(2, Main.run("--port", "0", "--data-file", file.toString())));
    assertTrue(err.contains("in use by another server"), err);
  }

  @Test
  void aCompactionSizeThatIsNotASizeExitsTwo() {
    String err = stderrOf(() -> assertEquals(2, Main.run("--port", "0", "--data-file", dir.resolve("x.lcj").toString(),
        "--compact-after", "lots")));
    assertTrue(err.contains("--compact-after"), err);
    assertEquals(64L << 20, Main.bytes("64m"));
    assertEquals(1536, Main.bytes("1536"));
  }

  @Test
  void aDataFileThatHoldsStateIsNotGivenTheFixtureAgain() throws Exception {
    Path file = dir.resolve("fixture.lcj");
    Path alice = dir.resolve("alice.yaml");
    Files.writeString(alice, "users:\n  - username: alice\n    password: alice-pw\n    roles: [user]\n");
    Path bob = dir.resolve("bob.yaml");
    Files.writeString(bob, "users:\n  - username: bob\n    password: bob-pw\n    roles: [user]\n");
    LivechatServer.Config config = LivechatServer.Config.defaults(0);
    stop(start(file, config.withFixture(FixtureLoader.read(alice), alice.toString())));

    LivechatServer second = start(file, config.withFixture(FixtureLoader.read(bob), bob.toString()));
    Api api = new Api(second.baseUri());
    api.login("alice", "alice-pw");
    assertEquals(401, api.post("/api/v1/login", "{\"user\":\"bob\",\"password\":\"bob-pw\"}").status());
  }

  static String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
