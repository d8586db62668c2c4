package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code GET} and {@code POST settings/:_id} (behaviour-doc §1.5). */
class SettingsTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @Test
  void anAdminReadsASettingsValue() {
    assertEquals("{\"_id\":\"Livechat_Routing_Method\",\"value\":\"Auto_Selection\",\"success\":true}",
        server.admin().get("/api/v1/settings/Livechat_Routing_Method").body());
    assertEquals("{\"_id\":\"Livechat_message_character_limit\",\"value\":0,\"success\":true}",
        server.admin().get("/api/v1/settings/Livechat_message_character_limit").body());
  }

  @Test
  void anAdminChangesASettingAndItTakesEffect() {
    assertEquals("{\"success\":true}", server.admin().post("/api/v1/settings/Livechat_enabled", "{\"value\":false}").body());
    try {
      assertEquals(false, server.admin().get("/api/v1/settings/Livechat_enabled").json().path("value").asBoolean(true));
      assertEquals("error-omnichannel-is-disabled",
          server.api().get("/api/v1/livechat/room?token=" + server.newVisitor()).json().path("errorType").asText());
    } finally {
      server.setSetting("Livechat_enabled", "true");
    }
  }

  @Test
  void aValueOfTheWrongTypeIsRefused() {
    Reply r = server.admin().post("/api/v1/settings/Livechat_enabled", "{\"value\":\"yes\"}");
    assertEquals("{\"success\":false,\"error\":\"Setting 'Livechat_enabled' takes a boolean, not \\\"yes\\\" "
        + "[error-invalid-setting-value]\",\"errorType\":\"error-invalid-setting-value\"}", r.body());
    assertEquals("error-invalid-setting-value",
        server.admin().post("/api/v1/settings/Livechat_guest_count", "{\"value\":1.5}").json().path("errorType").asText());
    assertEquals("error-invalid-setting-value", server.admin().post("/api/v1/settings/Livechat_Routing_Method",
        "{\"value\":\"Round_Robin\"}").json().path("errorType").asText());
  }

  @Test
  void anUnknownSettingIsADocumentedError() {
    String expected = "{\"success\":false,\"error\":\"Setting 'Livechat_foo' is not known to this server "
        + "[error-setting-not-found]\",\"errorType\":\"error-setting-not-found\"}";
    assertEquals(expected, server.admin().get("/api/v1/settings/Livechat_foo").body());
    assertEquals(expected, server.admin().post("/api/v1/settings/Livechat_foo", "{\"value\":true}").body());
  }

  @Test
  void aMissingValueIsAMatchError() {
    assertEquals("Match error: Missing key 'value'", server.admin().post("/api/v1/settings/Livechat_enabled", "{}").error());
  }

  @Test
  void onlyAdminsReadAndChangeSettings() {
    assertEquals(403, server.as("manager").get("/api/v1/settings/Livechat_enabled").status());
    assertEquals(403, server.as("manager").post("/api/v1/settings/Livechat_enabled", "{\"value\":true}").status());
    assertEquals(401, server.api().get("/api/v1/settings/Livechat_enabled").status());
  }
}
