package org.livechatcontract.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livechatcontract.server.domain.AgentStatus;
import org.livechatcontract.server.domain.CustomField;
import org.livechatcontract.server.domain.Department;
import org.livechatcontract.server.domain.Inquiry;
import org.livechatcontract.server.domain.Message;
import org.livechatcontract.server.domain.OfflineMessage;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.domain.Status;
import org.livechatcontract.server.domain.StoredFile;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.domain.Visitor;
import org.livechatcontract.server.store.journal.JournalException;
import org.livechatcontract.server.support.DataFiles;

/** The durable store keeps every kind of record, in the state memory had, across a crash or a restart. */
class DurableStoreTest {
  static final Instant T = Instant.parse("2026-01-02T03:04:05.123456789Z");

  @TempDir
  Path dir;

  /** A store with its settings and permissions, journaling. */
  record Opened(DurableStore store, Settings settings, Permissions permissions) implements AutoCloseable {
    @Override
    public void close() {
      store.close();
    }
  }

  Opened open(Path file, long compactAfter) {
    DurableStore store = DurableStore.open(new DurableStore.Options(file, compactAfter));
    Settings settings = new Settings();
    Permissions permissions = new Permissions(T);
    store.restore(settings, permissions);
    store.startJournaling(settings, permissions);
    return new Opened(store, settings, permissions);
  }

  Opened open(Path file) {
    return open(file, DurableStore.Options.DEFAULT_COMPACT_AFTER);
  }

  /** The store as a restart after a crash right now would find it. */
  Opened crashedAndReopened(Path file) throws Exception {
    return open(DataFiles.crashImage(dir, file));
  }

  static User user(String id) {
    return new User(id, "user-" + id, "User " + id, id + "@example.com", "hash", Set.of("user", "livechat-agent"),
        Status.ONLINE, Status.ONLINE, AgentStatus.AVAILABLE, true, List.of("token-hash-" + id), T);
  }

  static Visitor visitor(String id) {
    return new Visitor(id, "guest-" + id, "token-" + id, "Visitor " + id, Status.ONLINE, List.of("+1555" + id),
        List.of(id + "@visitors.example"), null, Map.of("address", "Main St"), T, T);
  }

  static Room room(String id, Visitor v) {
    return new Room(id, v.name(), new Room.RoomVisitor(v.id(), v.username(), v.token(), Status.ONLINE), null, true, T,
        T, null, 0, 1, false, Room.Source.API, new Room.ServedBy("u1", "user-u1", T), null, 0, 0, null,
        Room.Metrics.NONE, null, null, Map.of(), Map.of("order", "42"),
        new Room.ResponseBy("u1", "user-u1", T, T));
  }

  /** Saves visitor {@code v1} and a room of theirs. */
  static Visitor visitorWithRoom(DurableStore s, String rid) {
    Visitor v = visitor("v1");
    s.saveVisitor(v);
    s.saveRoom(room(rid, v));
    return v;
  }

  static Message message(String id, String rid, String text, Instant ts) {
    return new Message(id, rid, text, null, ts, new Message.Author("v1", "guest-v1", "Visitor v1"), ts, "token-v1",
        "Visitor v1", null, null, false, List.of(), null, null, null);
  }

  @Test
  void everyKindOfRecordAndEveryChangeIsInACrashImageTakenAfterTheCallReturned() throws Exception {
    Path file = dir.resolve("state.lcj");
    Visitor v = visitor("v1");
    Room r = room("r1", v);
    Department d = Department.of("d1", new Department.Fields("Sales", true, "", false, false, "s@example.com", null), T)
        .withAgents(List.of(new Department.Agent("a1", "u1", "user-u1", 0, 0)), T);
    Inquiry inquiry = Inquiry.of("i1", r, Inquiry.State.QUEUED, null);
    StoredFile f = new StoredFile("f1", "r1", "notes.txt", "text/plain", new byte[] {1, 2, 3, 0, -1}, T);
    CustomField cf = new CustomField("address", "Address", "visitor", true, true, null, false, "input", null, null);
    OfflineMessage om = new OfflineMessage("o1", "Mary", "m@example.com", "call me", null, "host", T);
    try (Opened o = open(file)) {
      DurableStore s = o.store();
      s.saveUser(user("u1"));
      s.updateUser("u1", u -> u.withStatus(Status.AWAY));
      s.saveVisitor(v);
      s.updateVisitor("v1", x -> x.withLivechatData("phone", "2", true, T));
      s.saveRoom(r);
      s.saveDepartment(d);
      s.saveInquiry(inquiry);
      assertTrue(s.addMessage(message("m1", "r1", "hello", T)));
      assertTrue(s.addMessage(message("m2", "r1", "second", T.plusSeconds(1))));
      assertTrue(s.addMessage(message("m3", "r1", "third", T.plusSeconds(2))));
      assertFalse(s.addMessage(message("m1", "r1", "a duplicate id is refused", T)));
      s.replaceMessage(message("m2", "r1", "second, edited", T.plusSeconds(1)));
      s.deleteMessage("m3");
      s.updateRoom("r1", x -> x.withMessage(s.messageById("m2").orElseThrow()));
      s.saveFile(f);
      s.saveCustomField(cf);
      s.saveOfflineMessage(om);
      o.settings().set(Settings.ROUTING_METHOD, Settings.MANUAL_SELECTION);
      assertEquals(1, o.settings().nextGuestNumber());
      assertEquals(2, o.settings().nextGuestNumber());
      o.permissions().update(List.of(new Permissions.Change(Permissions.VIEW_L_ROOM, List.of("admin"))), T);

      try (Opened again = crashedAndReopened(file)) {
        DurableStore a = again.store();
        assertFalse(a.fresh());
        assertEquals(s.userById("u1"), a.userById("u1"));
        assertEquals(Status.AWAY, a.userById("u1").orElseThrow().status());
        assertEquals(Optional.of("u1"), a.userByLoginTokenHash("token-hash-u1").map(User::id), "indexes are rebuilt");
        assertEquals(s.visitorById("v1"), a.visitorByToken("token-v1"));
        assertEquals(s.roomById("r1"), a.roomById("r1"));
        assertEquals(List.of("r1"), a.openRoomsByVisitorToken("token-v1").stream().map(Room::id).toList());
        assertEquals(1, a.openRoomCountByAgent("u1"));
        assertEquals(s.departments(), a.departments());
        assertEquals(List.of(inquiry), a.queuedInquiries());
        assertEquals(s.roomMessages("r1", new LivechatStore.MessageQuery(null, null, 0, 0, true)),
            a.roomMessages("r1", new LivechatStore.MessageQuery(null, null, 0, 0, true)));
        assertEquals(List.of("hello", "second, edited"), a.roomMessages("r1",
            new LivechatStore.MessageQuery(null, null, 0, 0, true)).stream().map(Message::msg).toList());
        assertArrayEquals(f.content(), a.fileById("f1").orElseThrow().content());
        assertEquals(List.of(cf), a.customFields());
        assertEquals(List.of(om), a.offlineMessages());
        assertEquals(Settings.MANUAL_SELECTION, again.settings().text(Settings.ROUTING_METHOD));
        assertEquals(3, again.settings().nextGuestNumber(), "the guest counter goes on where it stopped");
        assertEquals(Set.of("admin"), again.permissions().all().stream()
            .filter(p -> p.id().equals(Permissions.VIEW_L_ROOM)).findFirst().orElseThrow().roles());
      }
    }
  }

  @Test
  void aClosedRoomAndMessagesWithEveryOptionalPartComeBackEqual() throws Exception {
    Path file = dir.resolve("parts.lcj");
    try (Opened o = open(file)) {
      DurableStore s = o.store();
      visitorWithRoom(s, "r1");
      Message.Author visitor = new Message.Author("v1", "guest-v1", "Visitor v1");
      Message withAll = new Message("m1", "r1", "", Message.TRANSCRIPT_HISTORY, T, visitor, T, "token-v1", "alias",
          T.plusSeconds(1), visitor, true, List.of("https://example.com"),
          new Message.Navigation("Pricing", "url", "https://example.com/pricing", "token-v1"),
          new Message.TranscriptRequest(visitor, null, "m@example.com", "Transcript"),
          new Message.Attachment("f1", "a b.txt", "text/plain", 3, "/file-upload/f1/a%20b.txt", "notes"));
      s.addMessage(withAll);
      s.updateRoom("r1", r -> r.withMessage(message("m2", "r1", "hi", T.plusSeconds(2)))
          .closed(new Room.Closing(T.plusSeconds(60), "visitor", "v1", "guest-v1")));
      try (Opened again = crashedAndReopened(file)) {
        assertEquals(s.messageById("m1"), again.store().messageById("m1"));
        assertEquals(s.roomById("r1"), again.store().roomById("r1"));
        assertTrue(again.store().roomById("r1").orElseThrow().isClosed());
        assertEquals(List.of(), again.store().openRoomsByVisitorToken("token-v1"));
      }
    }
  }

  @Test
  void deletionsAreKeptToo() throws Exception {
    Path file = dir.resolve("deletions.lcj");
    try (Opened o = open(file)) {
      DurableStore s = o.store();
      Visitor v = visitorWithRoom(s, "r1");
      s.saveRoom(room("r2", v));
      s.addMessage(message("m1", "r1", "hello", T));
      s.saveFile(new StoredFile("f1", "r1", "a.txt", "text/plain", new byte[] {1}, T));
      s.saveFile(new StoredFile("f2", "r2", "b.txt", "text/plain", new byte[] {2}, T));
      s.saveInquiry(Inquiry.of("i1", room("r1", v), Inquiry.State.QUEUED, null));
      s.saveDepartment(Department.of("d1", new Department.Fields("D", true, "", false, false, "", null), T));
      s.deleteMessagesOfRoom("r1");
      s.deleteFilesOfRoom("r1");
      s.deleteFile("f2");
      s.deleteRoom("r1");
      s.removeInquiry("i1");
      s.removeDepartment("d1");
      try (Opened again = crashedAndReopened(file)) {
        DurableStore a = again.store();
        assertEquals(Optional.empty(), a.roomById("r1"));
        assertTrue(a.roomById("r2").isPresent());
        assertEquals(Optional.empty(), a.messageById("m1"));
        assertEquals(Optional.empty(), a.fileById("f1"));
        assertEquals(Optional.empty(), a.fileById("f2"));
        assertEquals(Optional.empty(), a.inquiryById("i1"));
        assertEquals(List.of(), a.departments());
      }
    }
  }

  @Test
  void aChangeThatThrowsJournalsNothingAndLaterChangesStillReplay() throws Exception {
    Path file = dir.resolve("throws.lcj");
    try (Opened o = open(file)) {
      DurableStore s = o.store();
      visitorWithRoom(s, "r1");
      assertThrows(IllegalStateException.class, () -> s.updateRoom("r1", x -> {
        throw new IllegalStateException("refused");
      }));
      s.updateRoom("r1", x -> x.renamed("Renamed", T));
      try (Opened again = crashedAndReopened(file)) {
        assertEquals("Renamed", again.store().roomById("r1").orElseThrow().fname());
      }
    }
  }

  @Test
  void aJournalPastItsThresholdIsCompactedAndNothingIsLost() throws Exception {
    Path file = dir.resolve("compacted.lcj");
    int count = 400;
    try (Opened o = open(file, 8 * 1024)) {
      visitorWithRoom(o.store(), "r1");
      for (int i = 0; i < count; i++) {
        o.store().addMessage(message("m" + i, "r1", "message number " + i, T.plusMillis(i)));
      }
    }
    try (Opened again = open(file, 8 * 1024)) {
      assertTrue(again.store().recovery().generation() > 2,
          "more compactions than the first snapshot and the one at close: " + again.store().recovery());
      assertEquals(count, again.store().roomMessages("r1", new LivechatStore.MessageQuery(null, null, 0, 0, true)).size());
    }
  }

  @Test
  void closingWritesASnapshotAndLeavesAnEmptyJournal() throws Exception {
    Path file = dir.resolve("closed.lcj");
    try (Opened o = open(file)) {
      o.store().saveUser(user("u1"));
    }
    assertEquals(12, Files.size(file), "only the header is left in the journal");
    try (Opened again = open(file)) {
      assertEquals(0, again.store().recovery().journalRecords());
      assertTrue(again.store().userById("u1").isPresent());
    }
  }

  @Test
  void writesWhoseWaitsARequestDeferredAreAllOnDiskOnceItsOneWaitReturns() throws Exception {
    Path file = dir.resolve("deferred.lcj");
    try (Opened o = open(file)) {
      o.store().deferWaits();
      o.store().saveUser(user("u1"));
      o.settings().set(Settings.ROUTING_METHOD, Settings.MANUAL_SELECTION);
      o.store().saveUser(user("u2"));
      o.store().awaitDeferred();
      try (Opened again = crashedAndReopened(file)) {
        assertTrue(again.store().userById("u1").isPresent());
        assertTrue(again.store().userById("u2").isPresent());
        assertEquals(Settings.MANUAL_SELECTION, again.settings().text(Settings.ROUTING_METHOD));
      }
    }
  }

  @Test
  void aSecondStoreOnTheSameFileIsRefused() {
    Path file = dir.resolve("owned.lcj");
    try (Opened o = open(file)) {
      JournalException e = assertThrows(JournalException.class,
          () -> DurableStore.open(DurableStore.Options.at(file)));
      assertTrue(e.getMessage().contains("in use by another server"), e.getMessage());
    }
  }

  @Test
  void aClosedStoreRefusesChanges() {
    Path file = dir.resolve("refuses.lcj");
    Opened o = open(file);
    o.close();
    assertThrows(JournalException.class, () -> o.store().saveUser(user("u1")));
  }
}
