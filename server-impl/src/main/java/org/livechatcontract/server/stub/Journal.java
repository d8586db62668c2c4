package org.livechatcontract.server.stub;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The last requests to the Livechat API and their answers, already redacted, newest first. */
public final class Journal {
  /** One exchange; every text in it has passed through {@link org.livechatcontract.server.http.Redaction}. */
  public record Entry(long seq, Instant time, String method, String path, String query, Map<String, String> requestHeaders,
      String requestBody, int status, String responseBody, long elapsedMs, String rule) {}

  private final int capacity;
  private final Deque<Entry> entries = new ArrayDeque<>();

  public Journal(int capacity) {
    this.capacity = capacity;
  }

  public synchronized void add(Entry e) {
    if (capacity == 0) {
      return;
    }
    if (entries.size() == capacity) {
      entries.removeLast();
    }
    entries.addFirst(e);
  }

  /** Newest first: entries whose path contains {@code pathPart} (if given) and answered {@code status} (if given). */
  public synchronized List<Entry> find(String pathPart, Integer status, int limit) {
    List<Entry> out = new ArrayList<>();
    for (Iterator<Entry> it = entries.iterator(); it.hasNext() && out.size() < limit; ) {
      Entry e = it.next();
      if ((pathPart == null || e.path().contains(pathPart)) && (status == null || e.status() == status)) {
        out.add(e);
      }
    }
    return out;
  }

  public synchronized void clear() {
    entries.clear();
  }
}
