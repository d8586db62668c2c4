package org.livechatcontract.server.store.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The on-disk framing shared by the journal and the snapshot.
 *
 * <pre>
 * file    := magic(3 bytes: "LCJ" journal | "LCS" snapshot) version(1 byte) record*
 * record  := length(u32, big-endian) crc32c(u32, of payload) payload(length bytes, UTF-8 JSON)
 * </pre>
 */
final class Framing {
  static final int VERSION = 1;
  static final byte[] JOURNAL_MAGIC = {'L', 'C', 'J', VERSION};
  static final byte[] SNAPSHOT_MAGIC = {'L', 'C', 'S', VERSION};
  static final int HEADER = 4;
  static final int RECORD_OVERHEAD = 8;
  /** No single state change comes near this; a larger length is corruption. */
  static final int MAX_RECORD = 64 * 1024 * 1024;

  private Framing() {}

  static ByteBuffer frame(byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(RECORD_OVERHEAD + payload.length);
    b.putInt(payload.length);
    b.putInt(crc(payload));
    b.put(payload);
    return b.flip();
  }

  static int crc(byte[] payload) {
    CRC32C c = new CRC32C();
    c.update(payload);
    return (int) c.getValue();
  }

  /** Receives each intact record, in order. */
  interface RecordSink {
    void accept(byte[] payload, long offset);
  }

  /** What reading a file found at its end. */
  record ReadResult(long validEnd, long fileSize, String tornReason) {
    boolean torn() {
      return tornReason != null;
    }
  }

  /**
   * Reads every record. A damaged record that runs to the end of the file is a torn tail (a write
   * cut short by a crash): reading stops before it. Damage anywhere else is corruption.
   */
  static ReadResult read(FileChannel ch, Path file, byte[] magic, RecordSink sink) throws IOException {
    long size = ch.size();
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    readFully(ch, header, 0);
    if (header.position() < HEADER) {
      return new ReadResult(0, size, size == 0 ? null : "file shorter than its header");
    }
    byte[] h = header.array();
    if (h[0] != magic[0] || h[1] != magic[1] || h[2] != magic[2]) {
      throw new JournalException(file + ": not a livechat-contract data file (bad magic at offset 0)");
    }
    if (h[3] != VERSION) {
      throw new JournalException(file + ": format version " + h[3] + " is not supported (this server reads version "
          + VERSION + ")");
    }
    long pos = HEADER;
    ByteBuffer lenCrc = ByteBuffer.allocate(RECORD_OVERHEAD);
    while (pos < size) {
      lenCrc.clear();
      readFully(ch, lenCrc, pos);
      if (lenCrc.position() < RECORD_OVERHEAD) {
        return new ReadResult(pos, size, "record header cut short at offset " + pos);
      }
      int length = lenCrc.getInt(0);
      int crc = lenCrc.getInt(4);
      long end = pos + RECORD_OVERHEAD + (long) length;
      if (length < 0 || length > MAX_RECORD) {
        if (end >= size || length < 0) {
          return tornOrCorrupt(file, pos, size, "impossible record length " + length);
        }
        throw corrupt(file, pos, "impossible record length " + length);
      }
      if (end > size) {
        return new ReadResult(pos, size, "record at offset " + pos + " runs past the end of the file");
      }
      ByteBuffer payload = ByteBuffer.allocate(length);
      readFully(ch, payload, pos + RECORD_OVERHEAD);
      if (Framing.crc(payload.array()) != crc) {
        if (end == size) {
          return new ReadResult(pos, size, "checksum mismatch in the last record at offset " + pos);
        }
        throw corrupt(file, pos, "checksum mismatch");
      }
      sink.accept(payload.array(), pos);
      pos = end;
    }
    return new ReadResult(pos, size, null);
  }

  private static ReadResult tornOrCorrupt(Path file, long pos, long size, String why) {
    return new ReadResult(pos, size, why + " at offset " + pos);
  }

  static JournalException corrupt(Path file, long offset, String why) {
    return new JournalException(file + ": corrupt at offset " + offset + " (" + why + "); refusing to start rather than "
        + "lose the records after it. Move the file aside to start empty, or restore it from a copy.");
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    long pos = at;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        return;
      }
      pos += n;
    }
  }
}
