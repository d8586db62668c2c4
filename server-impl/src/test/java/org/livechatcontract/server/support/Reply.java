package org.livechatcontract.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** A response the tests received (and that already passed the contract check). */
public record Reply(int status, Map<String, List<String>> headers, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** The {@code error} text of a failure body. */
  public String error() {
    return json().path("error").asText();
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
