package org.livechatcontract.server.store.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's file format, recovery rules, ownership and compaction. */
class JournalTest {
  @TempDir
  Path dir;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  List<String> replay(Path file, Journal.Recovery[] recovery) {
    List<String> seen = new ArrayList<>();
    try (Journal j = Journal.open(file, p -> seen.add(new String(p, StandardCharsets.UTF_8)))) {
      if (recovery != null) {
        recovery[0] = j.recovery();
      }
    }
    return seen;
  }

  Path journalWith(String... records) {
    Path file = dir.resolve("state.lcj");
    try (Journal j = Journal.open(file, p -> { })) {
      for (String r : records) {
        j.append(bytes(r));
      }
    }
    return file;
  }

  @Test
  void recordsAreReplayedInTheOrderTheyWereAppended() {
    Path file = journalWith("a", "b", "c");
    Journal.Recovery[] rec = new Journal.Recovery[1];
    assertEquals(List.of("a", "b", "c"), replay(file, rec));
    assertNull(rec[0].droppedTail());
    assertEquals(3, rec[0].journalRecords());
  }

  @Test
  void aTornLastRecordIsDroppedReportedAndTheJournalStaysUsable() throws Exception {
    Path file = journalWith("first", "second", "third-and-torn");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() - 5);
    }
    Journal.Recovery[] rec = new Journal.Recovery[1];
    assertEquals(List.of("first", "second"), replay(file, rec));
    assertNotNull(rec[0].droppedTail());
    assertTrue(rec[0].droppedTail().contains("runs past the end"), rec[0].droppedTail());
    try (Journal j = Journal.open(file, p -> { })) {
      j.append(bytes("after"));
    }
    assertEquals(List.of("first", "second", "after"), replay(file, null));
  }

  @Test
  void aLastRecordWithABadChecksumIsATornTail() throws Exception {
    Path file = journalWith("one", "two");
    flipLastByte(file);
    Journal.Recovery[] rec = new Journal.Recovery[1];
    assertEquals(List.of("one"), replay(file, rec));
    assertTrue(rec[0].droppedTail().contains("checksum"), rec[0].droppedTail());
  }

  @Test
  void corruptionBeforeTheLastRecordRefusesTheStartNamingFileAndOffset() throws Exception {
    Path file = journalWith("one", "two", "three");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(Framing.HEADER + Framing.RECORD_OVERHEAD); // first payload byte of the first record
      raf.write('X');
    }
    JournalException e = assertThrows(JournalException.class, () -> replay(file, null));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("offset " + Framing.HEADER), e.getMessage());
    assertEquals(List.of("one", "two", "three").size(), 3);
  }

  @Test
  void aFileThatIsNotAJournalIsRefused() throws Exception {
    Path file = dir.resolve("other.txt");
    Files.writeString(file, "hello world");
    JournalException e = assertThrows(JournalException.class, () -> replay(file, null));
    assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
  }

  @Test
  void aSecondOwnerIsRefused() {
    Path file = dir.resolve("owned.lcj");
    try (Journal first = Journal.open(file, p -> { })) {
      JournalException e = assertThrows(JournalException.class, () -> Journal.open(file, p -> { }));
      assertTrue(e.getMessage().contains("in use by another server"), e.getMessage());
    }
    Journal.open(file, p -> { }).close(); // free again once the owner closed it
  }

  @Test
  void compactionWritesASnapshotAndEmptiesTheJournal() {
    Path file = dir.resolve("compact.lcj");
    try (Journal j = Journal.open(file, p -> { })) {
      j.append(bytes("x1"));
      j.append(bytes("x2"));
      j.compact(List.of(bytes("state-a"), bytes("state-b")));
      assertEquals(Framing.HEADER, j.size());
      j.append(bytes("after"));
    }
    Journal.Recovery[] rec = new Journal.Recovery[1];
    assertEquals(List.of("state-a", "state-b", "after"), replay(file, rec));
    assertEquals(2, rec[0].snapshotRecords());
    assertEquals(1, rec[0].journalRecords());
    assertTrue(Files.exists(Journal.snapshotPath(file)));
  }

  @Test
  void aDamagedSnapshotIsRefused() throws Exception {
    Path file = dir.resolve("snap.lcj");
    try (Journal j = Journal.open(file, p -> { })) {
      j.compact(List.of(bytes("s1"), bytes("s2")));
    }
    flipLastByte(Journal.snapshotPath(file));
    JournalException e = assertThrows(JournalException.class, () -> replay(file, null));
    assertTrue(e.getMessage().contains(".snapshot"), e.getMessage());
  }

  @Test
  void concurrentAppendsAreAllKept() throws Exception {
    Path file = dir.resolve("concurrent.lcj");
    int threads = 8;
    int each = 300;
    try (Journal j = Journal.open(file, p -> { })) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        fs.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            j.append(bytes(id + ":" + i));
          }
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      pool.shutdown();
    }
    List<String> seen = replay(file, null);
    assertEquals(threads * each, seen.size());
    Set<String> unique = new HashSet<>(seen);
    assertEquals(threads * each, unique.size());
    for (int t = 0; t < threads; t++) {
      List<Integer> order = new ArrayList<>();
      for (String s : seen) {
        if (s.startsWith(t + ":")) {
          order.add(Integer.parseInt(s.substring(s.indexOf(':') + 1)));
        }
      }
      List<Integer> sorted = new ArrayList<>(order);
      Collections.sort(sorted);
      assertEquals(sorted, order, "one writer's records keep their order");
    }
  }

  static void flipLastByte(Path file) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(raf.length() - 1);
      int b = raf.read();
      raf.seek(raf.length() - 1);
      raf.write(b ^ 0x55);
    }
  }
}
