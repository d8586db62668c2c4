package org.livechatcontract.server.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.livechatcontract.bench.PreloadedServer;
import org.livechatcontract.model.RoomResponse;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.livechatcontract.server.http.ClosedSchemas;
import org.livechatcontract.server.http.JsonMapper;
import org.livechatcontract.server.store.InMemoryStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hot GET's answer from a domain room to JSON bytes: the DTO built by {@link Dtos} and written by
 * the server's one {@link ObjectMapper}. (In this package, beside the benchmarked code, because
 * {@code Dtos} is package-private.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoomJsonBenchmark {
  ObjectMapper mapper;
  Room room;

  @Setup(Level.Trial)
  public void setUp() {
    Livechat state = new Livechat(new InMemoryStore(), Ids.seeded(1), java.time.Clock.systemUTC());
    FixtureLoader.apply(FixtureLoader.readDefault(), state, FixtureLoader.DEFAULT_RESOURCE);
    PreloadedServer.preload(state, 1);
    room = state.store().openRoomsByVisitorToken(PreloadedServer.TOKEN_PREFIX + 0).get(0);
    mapper = JsonMapper.create(ClosedSchemas.fromClasspathSpec());
  }

  @Benchmark
  public RoomResponse buildDto() {
    return new RoomResponse().room(Dtos.room(room)).newRoom(false).success(true);
  }

  @Benchmark
  public byte[] buildDtoAndWriteJson() throws Exception {
    return mapper.writeValueAsBytes(new RoomResponse().room(Dtos.room(room)).newRoom(false).success(true));
  }
}
