package org.livechatcontract.server.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Livechat visitor ({@code ILivechatVisitor}), identified to the server by the token its client chose. */
public record Visitor(
    String id,
    String username,
    String token,
    String name,
    Status status,
    List<String> phones,
    List<String> emails,
    String department,
    Map<String, String> livechatData,
    Instant ts,
    Instant updatedAt) {

  public Visitor {
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    livechatData = Map.copyOf(livechatData);
  }

  /** What a room shows as the contact's name: the visitor's name, or the username when there is none. */
  public String displayName() {
    return name != null && !name.isBlank() ? name : username;
  }
}
