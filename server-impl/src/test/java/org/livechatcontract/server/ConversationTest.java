package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/**
 * A whole conversation as a widget drives it, checking the history against Rocket.Chat's order and
 * content at each step (behaviour-doc §2.4, §5.2–§5.7).
 */
class ConversationTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  String history(String rid, String token, String query) {
    Reply r = server.api().get("/api/v1/livechat/messages.history/" + rid + "?token=" + token + query);
    assertEquals(200, r.status(), r.body());
    List<String> shown = new ArrayList<>();
    for (JsonNode m : r.json().path("messages")) {
      shown.add(m.has("t") ? "[" + m.path("t").asText() + "]" : m.path("msg").asText());
    }
    return String.join(", ", shown);
  }

  @Test
  void aVisitorRegistersChatsEditsDeletesPagesClosesAndLeaves() {
    // 1. register
    String token = "conversation-token-1";
    Reply registered = server.api().post("/api/v1/livechat/visitor",
        "{\"visitor\":{\"token\":\"" + token + "\",\"name\":\"Mary\",\"email\":\"mary@example.com\"}}");
    assertEquals(200, registered.status());

    // 2. config: known guest, no room yet, someone online
    JsonNode config = server.api().get("/api/v1/livechat/config?token=" + token).json().path("config");
    assertEquals("Mary", config.path("guest").path("name").asText());
    assertFalse(config.has("room"));
    assertTrue(config.path("online").asBoolean());

    // 3. room: served by the agent; livechat-started and uj are in the history, msgs counts neither
    Reply roomReply = server.api().get("/api/v1/livechat/room?token=" + token);
    String rid = roomReply.json().path("room").path("_id").asText();
    assertEquals(0, roomReply.json().path("room").path("msgs").asInt());
    assertEquals("[uj], [livechat-started]", history(rid, token, ""));

    // 4. three messages
    JsonNode hello = server.say(token, rid, "Hello");
    String first = hello.path("_id").asText();
    String second = server.say(token, rid, "I have a question").path("_id").asText();
    server.say(token, rid, "about pricing");
    assertEquals("about pricing, I have a question, Hello, [uj], [livechat-started]", history(rid, token, ""));
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room");
    assertEquals(3, room.path("msgs").asInt());
    assertEquals("about pricing", room.path("lastMessage").path("msg").asText());
    assertEquals(room.path("lastMessage").path("ts"), room.path("v").path("lastMessageTs"));
    // metrics.v.lq marks the first message nobody has answered yet
    assertEquals(hello.path("ts"), room.path("metrics").path("v").path("lq"));

    // 5. edit one
    Reply edited = server.api().put("/api/v1/livechat/message/" + first,
        "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\",\"msg\":\"Hello there\"}");
    assertEquals(200, edited.status(), edited.body());
    assertTrue(edited.json().path("message").has("editedAt"));
    assertEquals("about pricing, I have a question, Hello there, [uj], [livechat-started]", history(rid, token, ""));

    // 6. delete one
    Reply deleted = server.api().deleteWithBody("/api/v1/livechat/message/" + second,
        "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\"}");
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals(second, deleted.json().path("message").path("_id").asText());
    assertEquals("about pricing, Hello there, [uj], [livechat-started]", history(rid, token, ""));
    assertEquals(2, server.api().get("/api/v1/livechat/room?token=" + token).json().path("room").path("msgs").asInt());

    // 7. history with each paging option
    assertEquals("about pricing", history(rid, token, "&limit=1"));
    assertEquals("Hello there", history(rid, token, "&limit=1&offset=1"));
    assertEquals("[uj], [livechat-started]", history(rid, token, "&offset=2"));
    assertEquals("[livechat-started], [uj], Hello there, about pricing", history(rid, token, "&sort=%7B%22ts%22:1%7D"));
    assertEquals("Hello there", history(rid, token, "&searchText=HELLO"));
    assertEquals("about pricing, Hello there, [uj], [livechat-started]",
        history(rid, token, "&ls=2000-01-01T00:00:00.000Z"), "ls does not filter");
    String helloTs = server.api().get("/api/v1/livechat/message/" + first + "?token=" + token + "&rid=" + rid)
        .json().path("message").path("ts").asText();
    String beforeHello = history(rid, token, "&end=" + helloTs);
    assertFalse(beforeHello.contains("Hello there") || beforeHello.contains("about pricing"), "end is exclusive: " + beforeHello);

    // 8. agent info
    JsonNode agent = server.api().get("/api/v1/livechat/agent.info/" + rid + "/" + token).json().path("agent");
    assertEquals("agent", agent.path("username").asText());

    // 9. close
    Reply closed = server.api().post("/api/v1/livechat/room.close", "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\"}");
    assertEquals("{\"rid\":\"" + rid + "\",\"comment\":\"Closed by visitor\",\"success\":true}", closed.body());

    // 10. history again: the close message is the newest, written by the visitor with their token
    assertEquals("[livechat-close], about pricing, Hello there, [uj], [livechat-started]", history(rid, token, ""));
    JsonNode close = server.api().get("/api/v1/livechat/messages.history/" + rid + "?token=" + token + "&limit=1")
        .json().path("messages").path(0);
    assertEquals("Closed by visitor", close.path("msg").asText());
    assertEquals(token, close.path("token").asText());
    assertFalse(close.path("groupable").asBoolean(true));

    // 11. delete the visitor: the token stops resolving and the room's history is gone
    Reply gone = server.api().send("DELETE", "/api/v1/livechat/visitor/" + token, null, null);
    assertEquals(200, gone.status(), gone.body());
    assertEquals("[invalid-token]", server.api().get("/api/v1/livechat/visitor/" + token).error());
    assertTrue(server.state().store().roomById(rid).isEmpty());
    assertTrue(server.state().store().messageById(first).isEmpty());
  }

  @Test
  void anUnservedRoomsHistoryAfterOneMessageHasTwoEntriesAndTheSecondIsASystemMessage() throws Exception {
    try (AutoCloseable manual = server.setting("Livechat_Routing_Method", "Manual_Selection")) {
      String token = server.newVisitor();
      String rid = server.openRoom(token);
      server.say(token, rid, "test");
      JsonNode messages = server.api().get("/api/v1/livechat/messages.history/" + rid + "?token=" + token)
          .json().path("messages");
      assertEquals(2, messages.size());
      assertEquals("test", messages.path(0).path("msg").asText());
      assertEquals("livechat-started", messages.path(1).path("t").asText());
    }
  }
}
