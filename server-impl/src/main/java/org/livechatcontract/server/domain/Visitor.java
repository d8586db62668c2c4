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

  /**
   * The visitor after {@code DELETE livechat/visitor/:token}: Rocket.Chat disables the record and unsets
   * the token, name, emails, phones and department, so nothing finds it again.
   */
  public Visitor disabled(Instant now) {
    return new Visitor(id, username, null, null, Status.OFFLINE, List.of(), List.of(), null, Map.of(), ts, now);
  }

  /** One custom field value set ({@code livechatData.<key>}); with {@code overwrite} false an existing value stays. */
  public Visitor withLivechatData(String key, String value, boolean overwrite, Instant now) {
    if (!overwrite && livechatData.containsKey(key)) {
      return this;
    }
    Map<String, String> data = new java.util.HashMap<>(livechatData);
    data.put(key, value);
    return new Visitor(id, username, token, name, status, phones, emails, department, data, ts, now);
  }
}
