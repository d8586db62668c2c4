package org.livechatcontract.server.support;

import java.util.List;
import org.livechatcontract.server.domain.Ids;

/**
 * Twelve requests that carry secrets no other text holds: a visitor token (in bodies, query strings,
 * paths and the upload's {@code x-visitor-token} header), a wrong password (in a JSON body and in a body
 * that is not JSON), and a manager's auth token (in a header and in a {@code resume} login).
 */
public record SecretTraffic(String visitorToken, String password, String authToken) {
  public static final int REQUESTS = 12;

  public static SecretTraffic send(LiveServer server) {
    Api api = server.api();
    String token = "vt-" + Ids.secure().id();
    String password = "pw-" + Ids.secure().id();
    api.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + token + "\",\"name\":\"Sam\"}}");
    String rid = api.get("/api/v1/livechat/room?token=" + token).json().path("room").path("_id").asText();
    api.post("/api/v1/livechat/message", "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\",\"msg\":\"hi\"}");
    api.get("/api/v1/livechat/messages.history/" + rid + "?token=" + token);
    api.upload("/api/v1/livechat/upload/" + rid, "a.txt", "text/plain", "x", java.util.Map.of(), "x-visitor-token", token);
    api.get("/api/v1/livechat/visitor/" + token);
    Api.Session manager = api.login("manager", "manager");
    api.as(manager).get("/api/v1/livechat/visitor/" + token + "/room");
    api.post("/api/v1/login", "{\"user\":\"manager\",\"password\":\"" + password + "\"}");
    api.post("/api/v1/login", "{\"resume\":\"" + manager.authToken() + "\"}");
    api.send("POST", "/api/v1/login", "user=manager&password=" + password, "application/json");
    api.as(manager).post("/api/v1/logout", null);
    return new SecretTraffic(token, password, manager.authToken());
  }

  /** The secrets, and the default manager's password as it appears in a login body. */
  public List<String> secrets() {
    return List.of(visitorToken, password, authToken, "\"password\":\"manager\"");
  }
}
