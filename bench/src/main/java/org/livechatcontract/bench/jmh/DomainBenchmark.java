package org.livechatcontract.bench.jmh;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.domain.RoomService;
import org.livechatcontract.server.domain.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The domain's share of the hot GET (get-or-create of an existing room) and the router's pick of an agent. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DomainBenchmark {
  @Param({"1000", "1000000"})
  int rooms;

  Livechat state;
  String[] tokens;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    state = Preloaded.state(rooms);
    tokens = Preloaded.tokens(rooms);
  }

  /** {@code GET livechat/room} for a visitor who has an open room: what the domain adds to the hot GET. */
  @Benchmark
  public RoomService.RoomResult getOrCreateExisting() {
    int i = next;
    next = i + 1 == rooms ? 0 : i + 1;
    return state.rooms().getOrCreate(tokens[i], null, null, Room.Source.API);
  }

  /** Auto_Selection over the default state's agents (one online agent serving every stored room). */
  @Benchmark
  public Optional<User> routeNewRoom() {
    return state.router().route(Optional.empty(), null).agent();
  }
}
