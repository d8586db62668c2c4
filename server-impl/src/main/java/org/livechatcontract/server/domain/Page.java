package org.livechatcontract.server.domain;

import java.util.List;

/**
 * One page of a list, as Rocket.Chat's {@code getPaginationItems} cuts it: {@code count} defaults to 50
 * and is capped at 100, 0 means everything; {@code offset} defaults to 0.
 */
public record Page<T>(List<T> items, int offset, int total) {
  static final int DEFAULT_COUNT = 50;
  static final int MAX_COUNT = 100;

  public Page {
    items = List.copyOf(items);
  }

  public static <T> Page<T> of(List<T> all, Integer offset, Integer count) {
    int requested = offset == null ? 0 : offset;
    int from = Math.min(requested, all.size());
    int size = count == null ? DEFAULT_COUNT : count == 0 ? all.size() : Math.min(count, MAX_COUNT);
    int to = (int) Math.min((long) from + size, all.size());
    return new Page<>(all.subList(from, to), requested, all.size());
  }
}
