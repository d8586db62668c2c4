package org.livechatcontract.bench.jmh;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.domain.Visitor;
import org.livechatcontract.server.store.LivechatStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The store's lookups on the request paths, at 1k and 1M stored rooms: an indexed lookup must cost
 * the same at both sizes (give or take cache misses), where a scan would grow a thousandfold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StoreBenchmark {
  @Param({"1000", "1000000"})
  int rooms;

  LivechatStore store;
  String[] tokens;
  String[] roomIds;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    store = Preloaded.state(rooms).store();
    tokens = Preloaded.tokens(rooms);
    roomIds = new String[rooms];
    for (int i = 0; i < rooms; i++) {
      roomIds[i] = store.openRoomsByVisitorToken(tokens[i]).get(0).id();
    }
  }

  private int nextIndex() {
    int i = next;
    next = i + 1 == rooms ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public Optional<Visitor> visitorByToken() {
    return store.visitorByToken(tokens[nextIndex()]);
  }

  @Benchmark
  public List<Room> openRoomsByVisitorToken() {
    return store.openRoomsByVisitorToken(tokens[nextIndex()]);
  }

  @Benchmark
  public Optional<Room> roomById() {
    return store.roomById(roomIds[nextIndex()]);
  }

  /** Saving an open room again: the primary map and both open-room indexes are rewritten. */
  @Benchmark
  public void saveOpenRoom() {
    store.saveRoom(store.roomById(roomIds[nextIndex()]).orElseThrow());
  }
}
