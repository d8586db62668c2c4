package org.livechatcontract.server.store.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An append-only journal with group commit, plus an atomic snapshot it is compacted into.
 *
 * <p>Files, for a data file {@code PATH}: {@code PATH} (the journal), {@code PATH.snapshot} (the last
 * snapshot) and {@code PATH.lock} (held while a server owns the data). {@link #append} returns once
 * the record is on disk: a writer thread writes every queued record, calls {@code fsync} once for the
 * batch, and only then releases the callers whose records it held.
 *
 * <p>The journal is not thread-safe against {@link #compact}: callers stop appending while it runs.
 */
public final class Journal implements AutoCloseable {
  private static final int MAX_BATCH = 4096;

  private final Path file;
  private final Path snapshot;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile FileChannel channel;
  private volatile long size;
  private volatile boolean closed;
  private final Recovery recovery;

  /** What opening the data file found. */
  public record Recovery(int snapshotRecords, int journalRecords, String droppedTail) {}

  private record Pending(ByteBuffer frame, CompletableFuture<Void> done) {}

  private Journal(Path file, FileChannel lockChannel, FileLock lock, FileChannel channel, long size, Recovery recovery) {
    this.file = file;
    this.snapshot = snapshotPath(file);
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.channel = channel;
    this.size = size;
    this.recovery = recovery;
    this.writer = new Thread(this::writeLoop, "journal-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  static Path snapshotPath(Path file) {
    return file.resolveSibling(file.getFileName() + ".snapshot");
  }

  static Path lockPath(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  /**
   * Takes ownership of the data file and replays it: every snapshot record, then every journal
   * record, in order, to {@code replay}. A torn last record is dropped (and reported in the
   * returned journal's {@link #recovery()}); corruption anywhere else throws.
   */
  public static Journal open(Path file, Consumer<byte[]> replay) {
    FileChannel lockChannel = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      lockChannel = FileChannel.open(lockPath(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new JournalException(file + " is in use by another server (" + lockPath(file) + " is locked)");
      }
      int[] counts = new int[2];
      Path snap = snapshotPath(file);
      if (Files.exists(snap)) {
        try (FileChannel ch = FileChannel.open(snap, StandardOpenOption.READ)) {
          Framing.ReadResult r = Framing.read(ch, snap, Framing.SNAPSHOT_MAGIC, (p, off) -> {
            replay.accept(p);
            counts[0]++;
          });
          if (r.torn()) {
            // A snapshot is renamed into place only once complete, so damage in it is never a torn write.
            throw Framing.corrupt(snap, r.validEnd(), r.tornReason());
          }
        }
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      String dropped = null;
      long end;
      if (ch.size() == 0) {
        ch.write(ByteBuffer.wrap(Framing.JOURNAL_MAGIC), 0);
        ch.force(true);
        end = Framing.HEADER;
      } else {
        Framing.ReadResult r = Framing.read(ch, file, Framing.JOURNAL_MAGIC, (p, off) -> {
          replay.accept(p);
          counts[1]++;
        });
        end = Math.max(r.validEnd(), Framing.HEADER);
        if (r.torn() || r.validEnd() < Framing.HEADER) {
          dropped = r.tornReason() + "; dropped " + (r.fileSize() - r.validEnd()) + " bytes";
          if (r.validEnd() < Framing.HEADER) {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(Framing.JOURNAL_MAGIC), 0);
          } else {
            ch.truncate(r.validEnd());
          }
          ch.force(true);
        }
      }
      ch.position(end);
      return new Journal(file, lockChannel, lock, ch, end, new Recovery(counts[0], counts[1], dropped));
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new JournalException(file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
  }

  public Recovery recovery() {
    return recovery;
  }

  /** Bytes in the journal since the last compaction. */
  public long size() {
    return size;
  }

  /** Appends a record and returns once it is on disk. */
  public void append(byte[] payload) {
    CompletableFuture<Void> done = appendAsync(payload);
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalException("interrupted while waiting for " + file + " to reach the disk", e);
    } catch (ExecutionException e) {
      throw new JournalException("cannot write " + file + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Queues a record; the future completes once the batch holding it is on disk. */
  public CompletableFuture<Void> appendAsync(byte[] payload) {
    if (closed) {
      throw new JournalException(file + " is closed");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Pending(Framing.frame(payload), done));
    return done;
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closed && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        try {
          ByteBuffer[] frames = new ByteBuffer[batch.size()];
          long bytes = 0;
          for (int i = 0; i < frames.length; i++) {
            frames[i] = batch.get(i).frame();
            bytes += frames[i].remaining();
          }
          long written = 0;
          while (written < bytes) {
            written += channel.write(frames);
          }
          channel.force(false);
          size += bytes;
          batch.forEach(p -> p.done().complete(null));
        } catch (IOException | RuntimeException e) {
          batch.forEach(p -> p.done().completeExceptionally(e));
        }
        batch.clear();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waits until every record queued so far is on disk. */
  public void flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Pending(ByteBuffer.allocate(0), done)); // a marker: nothing written, one more fsync
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new JournalException("cannot write " + file + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Writes a snapshot of the whole state (temporary file, fsync, atomic rename) and starts an empty
   * journal. The caller must stop appends for the duration.
   */
  public void compact(Iterable<byte[]> state) {
    Path tmp = snapshot.resolveSibling(snapshot.getFileName() + ".tmp");
    try {
      flushIfRunning();
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        out.write(ByteBuffer.wrap(Framing.SNAPSHOT_MAGIC));
        for (byte[] record : state) {
          ByteBuffer frame = Framing.frame(record);
          while (frame.hasRemaining()) {
            out.write(frame);
          }
        }
        out.force(true);
      }
      try {
        Files.move(tmp, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new JournalException("the file system of " + snapshot + " cannot rename atomically", e);
      }
      syncDirectory(snapshot.toAbsolutePath().getParent());
      // Every journal record is now in the snapshot. A crash before this truncation only replays
      // records whose final versions the snapshot already holds.
      channel.truncate(Framing.HEADER);
      channel.position(Framing.HEADER);
      channel.force(true);
      size = Framing.HEADER;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compact " + file, e);
    }
  }

  private void flushIfRunning() {
    if (!closed) {
      flush();
    }
  }

  private static void syncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for sync; the rename is still atomic there.
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    flush();
    closed = true;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(channel);
    try {
      lock.release();
    } catch (IOException e) {
      // released with the channel anyway
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
