package org.livechatcontract.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.LivechatServer;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.domain.VisitorService;
import org.livechatcontract.server.store.DurableStore;

/**
 * The real server, started in this JVM with the default state plus N visitors, each with an open
 * room, filled in through the domain services as requests would fill it.
 *
 * <p>With {@code --data-file PATH} it runs in durable mode ({@code --data-file} of the server).
 *
 * <p>Visitor {@code i} has the token {@code bench-v-i}. When the server is ready it prints one line,
 * {@code READY port=.. rooms=.. heapBefore=.. heapAfter=.. preloadMs=..}, with the heap used after a full
 * GC before and after the preload. It stops when its standard input closes, so it never outlives the
 * runner that started it.
 */
public final class PreloadedServer {
  public static final String TOKEN_PREFIX = "bench-v-";

  private PreloadedServer() {}

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    int rooms = a.integer("--rooms", 1000);
    int port = a.integer("--port", 0);
    String dataFile = a.text("--data-file", null);

    // With --data-file the state is durable (a new file starts from the fixture), as the server's own option does.
    LivechatServer server = dataFile == null
        ? LivechatServer.start(LivechatServer.Config.defaults(port))
        : LivechatServer.start(LivechatServer.Config.defaults(port), DurableStore.Options.at(Path.of(dataFile)));
    // The same JVM-wide settings as Main, so the server logs what the real one logs.
    java.util.logging.Logger.getLogger("org.hibernate").setLevel(java.util.logging.Level.WARNING);
    long heapBefore = heapAfterFullGc();
    long t0 = System.nanoTime();
    preload(server.state(), rooms);
    long preloadMs = (System.nanoTime() - t0) / 1_000_000;
    long heapAfter = heapAfterFullGc();

    System.out.println("READY port=" + server.port() + " rooms=" + rooms + " heapBefore=" + heapBefore
        + " heapAfter=" + heapAfter + " preloadMs=" + preloadMs);
    System.out.flush();
    Stdin.awaitClose();
    server.close();
    System.exit(0);
  }

  /** Registers visitors {@code 0..n-1} (token and name, as the widget sends them) and opens a room for each. */
  public static void preload(Livechat state, int n) {
    for (int i = 0; i < n; i++) {
      String token = TOKEN_PREFIX + i;
      state.visitors().register(new VisitorService.Registration(token, "Visitor " + i, null, null, null, null));
      state.rooms().getOrCreate(token, null, null, Room.Source.API);
    }
  }

  /** Heap in use after a full collection (G1 runs one for {@code System.gc()}), settled over a few rounds. */
  static long heapAfterFullGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(last - used) < 64 * 1024) {
        return used;
      }
      last = used;
    }
    return last;
  }
}
