package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code POST /api/v1/livechat/upload/{rid}} and the file served back. */
class UploadTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  Reply upload(String rid, String token, String name, String content) {
    return server.api().upload("/api/v1/livechat/upload/" + rid, name, "text/plain", content,
        Map.of("description", "my notes"), "x-visitor-token", token);
  }

  @Test
  void anUploadAddsAFileMessageWhoseLinkServesTheFile() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    Reply r = upload(rid, token, "notes.txt", "hello, file");
    assertEquals(200, r.status(), r.body());
    JsonNode m = r.json().path("message");
    assertEquals(rid, m.path("rid").asText());
    assertEquals(token, m.path("token").asText());
    assertEquals("notes.txt", m.path("file").path("name").asText());
    assertEquals("text/plain", m.path("file").path("type").asText());
    assertEquals(11, m.path("file").path("size").asInt());
    JsonNode attachment = m.path("attachments").path(0);
    assertEquals("my notes", attachment.path("description").asText());
    String link = attachment.path("title_link").asText();
    assertEquals("/file-upload/" + m.path("file").path("_id").asText() + "/notes.txt", link);

    Reply file = server.api().get(link);
    assertEquals(200, file.status());
    assertEquals("hello, file", file.body());
    assertTrue(file.header("Content-Type").startsWith("text/plain"), file.header("Content-Type"));

    JsonNode history = server.api().get("/api/v1/livechat/messages.history/" + rid + "?token=" + token).json();
    assertEquals(m.path("_id"), history.path("messages").path(0).path("_id"), "the file message is the newest");
  }

  @Test
  void withoutTheVisitorTokenHeaderTheUploadIsUnauthorized() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    Reply r = server.api().upload("/api/v1/livechat/upload/" + rid, "a.txt", "text/plain", "x", Map.of());
    assertEquals(401, r.status());
    assertEquals("{\"success\":false,\"error\":\"unauthorized\"}", r.body());
  }

  @Test
  void anotherVisitorsRoomAndAnUnknownTokenAreUnauthorized() {
    String mine = server.newVisitor();
    String theirs = server.newVisitor();
    String theirRoom = server.openRoom(theirs);
    assertEquals(401, upload(theirRoom, mine, "a.txt", "x").status());
    assertEquals(401, upload(theirRoom, "no-such-token", "a.txt", "x").status());
  }

  @Test
  void aClosedRoomIsUnauthorized() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    server.closeRoom(rid);
    assertEquals(401, upload(rid, token, "a.txt", "x").status());
  }

  @Test
  void aFileOverTheLimitIsRefusedWithTheDocumentedError() throws Exception {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    try (AutoCloseable limit = server.setting(Settings.FILE_UPLOAD_MAX_FILE_SIZE, 10)) {
      Reply r = upload(rid, token, "big.txt", "12345678901");
      assertEquals(400, r.status());
      assertEquals("File size exceeds the allowed 10 bytes [error-file-too-large]", r.error());
      assertEquals("error-file-too-large", r.json().path("errorType").asText());
      assertEquals(200, upload(rid, token, "fits.txt", "1234567890").status());
    }
  }

  @Test
  void aBodyDeclaredFarOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    try (AutoCloseable limit = server.setting(Settings.FILE_UPLOAD_MAX_FILE_SIZE, 10)) {
      Reply r = upload(rid, token, "huge.txt", "x".repeat(70 * 1024));
      assertEquals(400, r.status());
      assertEquals("error-file-too-large", r.json().path("errorType").asText());
    }
  }

  @Test
  void anUploadWithoutAFilePartIsRefused() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    Reply r = server.api().upload("/api/v1/livechat/upload/" + rid, null, null, null, Map.of("description", "d"),
        "x-visitor-token", token);
    assertEquals(400, r.status());
    assertEquals("No file uploaded [error-no-file]", r.error());
  }

  @Test
  void aJsonBodyIsUnsupportedMediaType() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    Reply r = server.api().post("/api/v1/livechat/upload/" + rid, "{}", "x-visitor-token", token);
    assertEquals(415, r.status());
    assertEquals("Unsupported Media Type: send the body as multipart/form-data", r.error());
  }

  @Test
  void anUnknownFileIsNotFound() {
    assertEquals(404, server.api().get("/file-upload/nope/nothing.txt").status());
  }
}
