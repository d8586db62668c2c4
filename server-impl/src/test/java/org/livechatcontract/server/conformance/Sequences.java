package org.livechatcontract.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stateful sequences that follow the resources: what one call creates or removes, the next one must see.
 * Each names the operations it needs by operationId; it runs as soon as they are all in the spec.
 *
 * <p>A sequence whose operation exists under another operationId (same method and path) fails with the
 * name to put here, so it is never skipped silently once its operations land.
 */
final class Sequences {
  /** An operation a sequence calls: its operationId, and where Rocket.Chat serves it. */
  record OpRef(String operationId, String method, String path) {
    @Override
    public String toString() {
      return operationId + " (" + method + " " + path + ")";
    }
  }

  static final OpRef REGISTER_VISITOR = new OpRef("registerVisitor", "POST", "/api/v1/livechat/visitor");
  static final OpRef GET_ROOM = new OpRef("getLivechatRoom", "GET", "/api/v1/livechat/room");
  static final OpRef OPEN_ROOMS = new OpRef("getVisitorOpenRooms", "GET", "/api/v1/livechat/visitor/{token}/room");
  static final OpRef GET_VISITOR = new OpRef("getVisitor", "GET", "/api/v1/livechat/visitor/{token}");
  static final OpRef DELETE_VISITOR = new OpRef("deleteVisitor", "DELETE", "/api/v1/livechat/visitor/{token}");
  static final OpRef CLOSE_ROOM = new OpRef("closeLivechatRoom", "POST", "/api/v1/livechat/room.close");

  /** A named sequence over the operations it needs. */
  record Sequence(String name, List<OpRef> needs, Consumer<Steps> body) {}

  static final List<Sequence> ALL = List.of(
      new Sequence("a registered visitor is the visitor of the room it opens, which stays its room",
          List.of(REGISTER_VISITOR, GET_ROOM), Sequences::registeredVisitorOwnsItsRoom),
      new Sequence("an opened room is in the visitor's open rooms",
          List.of(REGISTER_VISITOR, GET_ROOM, OPEN_ROOMS), Sequences::openedRoomIsListed),
      new Sequence("a registered visitor can be read back",
          List.of(REGISTER_VISITOR, GET_VISITOR), Sequences::registeredVisitorIsReadable),
      new Sequence("a closed room is gone from the visitor's open rooms",
          List.of(REGISTER_VISITOR, GET_ROOM, CLOSE_ROOM, OPEN_ROOMS), Sequences::closedRoomLeavesTheOpenList),
      new Sequence("a deleted visitor can no longer be read",
          List.of(REGISTER_VISITOR, DELETE_VISITOR, GET_VISITOR), Sequences::deletedVisitorCannotBeRead));

  private static void registeredVisitorOwnsItsRoom(Steps s) {
    String token = s.newToken();
    JsonNode visitor = s.expectOk(s.call(REGISTER_VISITOR, Map.of(), visitorBody(token, "Sequence Visitor")), "register")
        .path("visitor");
    JsonNode first = s.expectOk(s.call(GET_ROOM, Map.of("token", token), null), "open the room");
    s.expect("ensure_resource_availability", token.equals(first.at("/room/v/token").asText()),
        "the room's visitor token is " + first.at("/room/v/token") + ", not the registered " + token);
    s.expect("ensure_resource_availability", visitor.path("_id").asText().equals(first.at("/room/v/_id").asText()),
        "the room's visitor is " + first.at("/room/v/_id") + ", not the registered " + visitor.path("_id"));
    s.expect("ensure_resource_availability", first.path("newRoom").asBoolean(false), "the first call did not create the room");
    JsonNode again = s.expectOk(s.call(GET_ROOM, Map.of("token", token), null), "ask for the room again");
    s.expect("ensure_resource_availability", first.at("/room/_id").equals(again.at("/room/_id"))
        && !again.path("newRoom").asBoolean(true), "asking again gave " + again.at("/room/_id") + " (newRoom "
        + again.path("newRoom") + ") instead of the open room " + first.at("/room/_id"));
  }

  private static void openedRoomIsListed(Steps s) {
    String token = s.newToken();
    s.expectOk(s.call(REGISTER_VISITOR, Map.of(), visitorBody(token, null)), "register");
    String rid = s.expectOk(s.call(GET_ROOM, Map.of("token", token), null), "open the room").at("/room/_id").asText();
    JsonNode rooms = s.expectOk(s.call(OPEN_ROOMS, Map.of("token", token), null), "list the open rooms").path("rooms");
    s.expect("ensure_resource_availability", ids(rooms).contains(rid), "the open rooms " + ids(rooms) + " lack " + rid);
  }

  private static void registeredVisitorIsReadable(Steps s) {
    String token = s.newToken();
    JsonNode visitor = s.expectOk(s.call(REGISTER_VISITOR, Map.of(), visitorBody(token, "Readable")), "register")
        .path("visitor");
    JsonNode read = s.expectOk(s.call(GET_VISITOR, Map.of("token", token), null), "read the visitor");
    s.expect("ensure_resource_availability", visitor.path("_id").equals(read.at("/visitor/_id")),
        "read back " + read.at("/visitor/_id") + ", not the registered " + visitor.path("_id"));
  }

  private static void closedRoomLeavesTheOpenList(Steps s) {
    String token = s.newToken();
    s.expectOk(s.call(REGISTER_VISITOR, Map.of(), visitorBody(token, null)), "register");
    String rid = s.expectOk(s.call(GET_ROOM, Map.of("token", token), null), "open the room").at("/room/_id").asText();
    s.expectOk(s.call(CLOSE_ROOM, Map.of(), s.json().createObjectNode().put("token", token).put("rid", rid)), "close the room");
    JsonNode rooms = s.expectOk(s.call(OPEN_ROOMS, Map.of("token", token), null), "list the open rooms").path("rooms");
    s.expect("use_after_free", !ids(rooms).contains(rid), "the closed room " + rid + " is still listed as open");
  }

  private static void deletedVisitorCannotBeRead(Steps s) {
    String token = s.newToken();
    s.expectOk(s.call(REGISTER_VISITOR, Map.of(), visitorBody(token, null)), "register");
    s.expectOk(s.call(DELETE_VISITOR, Map.of("token", token), null), "delete the visitor");
    s.expectGone(s.call(GET_VISITOR, Map.of("token", token), null), GET_VISITOR, "read the deleted visitor");
  }

  private static JsonNode visitorBody(String token, String name) {
    ObjectMapper json = new ObjectMapper();
    var visitor = json.createObjectNode().put("token", token);
    if (name != null) {
      visitor.put("name", name);
    }
    return json.createObjectNode().set("visitor", visitor);
  }

  private static List<String> ids(JsonNode rooms) {
    List<String> out = new ArrayList<>();
    rooms.forEach(r -> out.add(r.path("_id").asText()));
    return out;
  }

  /** What a sequence can do: call operations (every answer is checked against the contract) and expect things. */
  static final class Steps {
    private final Spec spec;
    private final Wire wire;
    private final Checks checks;
    private final Deviations deviations;
    private final Runner.Log log;
    private final String sequence;
    private final long seed;
    private int tokens;

    Steps(Spec spec, Wire wire, Checks checks, Deviations deviations, Runner.Log log, String sequence, long seed) {
      this.spec = spec;
      this.wire = wire;
      this.checks = checks;
      this.deviations = deviations;
      this.log = log;
      this.sequence = sequence;
      this.seed = seed;
    }

    ObjectMapper json() {
      return new ObjectMapper();
    }

    String newToken() {
      return "seq-" + seed + "-" + Integer.toHexString(sequence.hashCode()) + "-" + (++tokens);
    }

    /** Calls an operation with these parameters and body (logged in with its permissions when it is secured). */
    Wire.Exchange call(OpRef ref, Map<String, String> params, JsonNode body) {
      Spec.Op op = spec.byId(ref.operationId());
      Case c = new Case("stateful", Case.Kind.VALID, op, op.path(), sequence + ": " + ref.operationId(),
          Cases.request(op, new LinkedHashMap<>(params), "", body, "application/json",
              op.securedByLogin() ? Case.Auth.PERMITTED : Case.Auth.AS_GIVEN), false);
      Wire.Exchange e = wire.send(c);
      List<Checks.Failure> failures = new ArrayList<>(checks.contract(c, e.answer()));
      if (e.answer().status() >= 500) {
        failures.add(new Checks.Failure("not_a_server_error", "the server answered " + e.answer().status()));
      }
      log.record(c, e, failures);
      return e;
    }

    JsonNode expectOk(Wire.Exchange e, String step) {
      Wire.Answer a = e.answer();
      if (a.status() < 200 || a.status() >= 300 || a.json() == null) {
        throw new AssertionError(step + ": expected 2xx, got " + a + "\n  request: " + wire.curl(e));
      }
      return a.json();
    }

    /** A read of something removed fails: REST says 404 (or 410), unless a deviation allows the documented error. */
    void expectGone(Wire.Exchange e, OpRef read, String step) {
      Wire.Answer a = e.answer();
      boolean gone = a.status() == 404 || a.status() == 410;
      Optional<Deviations.Entry> allowed = gone ? Optional.empty()
          : deviations.allowing("use_after_free", read.operationId(), "404", a);
      if (!gone && allowed.isEmpty()) {
        throw new AssertionError(step + ": use_after_free: expected 404 (or an entry in " + Deviations.RESOURCE
            + "), got " + a + "\n  request: " + wire.curl(e));
      }
    }

    void expect(String check, boolean holds, String message) {
      if (!holds) {
        throw new AssertionError(check + ": " + message);
      }
    }
  }
}
