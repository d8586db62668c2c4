package org.livechatcontract.server.domain;

import java.time.Instant;

/** An uploaded file, kept in memory with the room it was uploaded to. */
public record StoredFile(String id, String rid, String name, String type, byte[] content, Instant uploadedAt) {
  public long size() {
    return content.length;
  }

  /** Where the file is served: {@code /file-upload/<id>/<name>}, the name percent-encoded. */
  public String url() {
    return "/file-upload/" + id + "/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
