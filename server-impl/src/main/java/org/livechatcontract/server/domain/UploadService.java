package org.livechatcontract.server.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.livechatcontract.server.store.LivechatStore;

/**
 * {@code POST livechat/upload/:rid}: files the visitor sends into their open room, kept in memory and
 * served back at the URL their file message carries.
 */
public final class UploadService {
  private final LivechatStore store;
  private final Settings settings;
  private final MessageService messages;
  private final Ids ids;
  private final Clock clock;

  public UploadService(LivechatStore store, Settings settings, MessageService messages, Ids ids, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.messages = messages;
    this.ids = ids;
    this.clock = clock;
  }

  /** The part {@code file} of an upload, as the HTTP layer read it (content still unread). */
  public record Upload(String fileName, String contentType, InputStream content, String description) {}

  /**
   * Stores the file and adds its file message. The visitor is the one whose token the
   * {@code x-visitor-token} header carries, and the room must be their open room.
   *
   * @param upload the file part, or null when the request had none
   * @throws VisitorNotAuthorized for a missing or unknown token, or a room that is not the visitor's open room
   * @throws LivechatError {@code error-no-file} without a file, {@code error-file-too-large} over
   *     {@code FileUpload_MaxFileSize} bytes (a negative limit means none)
   */
  public Message upload(String visitorToken, String rid, Upload upload) {
    Visitor visitor = authorize(visitorToken, rid);
    if (upload == null || upload.content() == null) {
      throw LivechatError.meteor("error-no-file", "No file uploaded");
    }
    long max = settings.number(Settings.FILE_UPLOAD_MAX_FILE_SIZE);
    byte[] content = readAtMost(upload.content(), max);
    String name = upload.fileName() == null || upload.fileName().isBlank() ? "file" : upload.fileName();
    String type = upload.contentType() == null ? "application/octet-stream" : upload.contentType();
    StoredFile file = new StoredFile(ids.id(), rid, name, type, content, Times.now(clock));
    store.saveFile(file);
    return messages.sendFile(visitor, rid, file, upload.description());
  }

  /** A stored file, by the id and name of its URL. */
  public Optional<StoredFile> file(String id, String name) {
    return store.fileById(id).filter(f -> f.name().equals(name));
  }

  private Visitor authorize(String token, String rid) {
    if (token == null || token.isEmpty()) {
      throw new VisitorNotAuthorized();
    }
    Visitor visitor = store.visitorByToken(token).orElseThrow(VisitorNotAuthorized::new);
    store.roomById(rid).filter(r -> r.open() && r.visitor().token().equals(token))
        .orElseThrow(VisitorNotAuthorized::new);
    return visitor;
  }

  private static byte[] readAtMost(InputStream in, long max) {
    try (in) {
      if (max < 0) {
        return in.readAllBytes();
      }
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (content.length > max) {
        throw LivechatError.meteor("error-file-too-large", "File size exceeds the allowed " + max + " bytes");
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded file", e);
    }
  }
}
