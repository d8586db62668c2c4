package org.livechatcontract.server.domain;

import java.time.Instant;
import java.util.List;

/**
 * A message of a livechat room, as Rocket.Chat stores it. A system message has a type {@code t}
 * ({@code livechat-started}, {@code uj}, {@code livechat-close}, ...); a message of the visitor carries
 * the visitor's {@code token}.
 *
 * @param type       {@code t}, or null for a message someone wrote
 * @param hidden     Rocket.Chat's {@code _hidden}: kept, but never shown in the history
 * @param urls       the links found in the text
 * @param attachment the uploaded file a file message carries, or null
 */
public record Message(
    String id,
    String rid,
    String msg,
    String type,
    Instant ts,
    Author author,
    Instant updatedAt,
    String token,
    String alias,
    Instant editedAt,
    Author editedBy,
    boolean hidden,
    List<String> urls,
    Navigation navigation,
    TranscriptRequest transcriptRequest,
    Attachment attachment) {

  public static final String LIVECHAT_STARTED = "livechat-started";
  public static final String USER_JOINED = "uj";
  public static final String LIVECHAT_CLOSE = "livechat-close";
  public static final String NAVIGATION_HISTORY = "livechat_navigation_history";
  public static final String TRANSCRIPT_HISTORY = "livechat_transcript_history";

  public Message {
    urls = urls == null ? List.of() : List.copyOf(urls);
  }

  /** Who wrote a message ({@code u}) or edited it ({@code editedBy}). */
  public record Author(String id, String username, String name) {
    public static Author of(Visitor v) {
      return new Author(v.id(), v.username(), v.name());
    }

    public static Author of(User u) {
      return new Author(u.id(), u.username(), u.name());
    }
  }

  /** A page the visitor navigated to ({@code navigation}). */
  public record Navigation(String title, String change, String href, String token) {}

  /** What a visitor's transcript request recorded ({@code requestData}); no mail is sent. */
  public record TranscriptRequest(Author visitor, Author user, String email, String subject) {}

  /** An uploaded file as a file message shows it. */
  public record Attachment(String fileId, String name, String type, long size, String url, String description) {}

  /** A system message has a type; a message a visitor or an agent wrote has none. */
  public boolean isSystem() {
    return type != null;
  }

  /** Visible in the history and counted in the room's {@code msgs}: written by someone, not hidden. */
  public boolean countsInRoom() {
    return !isSystem() && !hidden;
  }

  public Message edited(String newText, List<String> newUrls, Author by, Instant at) {
    return new Message(id, rid, newText, type, ts, author, at, token, alias, at, by, hidden, newUrls, navigation,
        transcriptRequest, attachment);
  }
}
