package org.livechatcontract.server.http;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.livechatcontract.server.domain.StoredFile;

/**
 * An uploaded file kept in memory, handed to Jersey where the generated interface returns a
 * {@link File}. It is written with its own bytes and the type it was uploaded with; nothing touches disk.
 */
public final class InMemoryFile extends File {
  private final transient StoredFile stored;

  public InMemoryFile(StoredFile stored) {
    super(stored.name());
    this.stored = stored;
  }

  public StoredFile stored() {
    return stored;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InMemoryFile f && f.stored.id().equals(stored.id());
  }

  @Override
  public int hashCode() {
    return stored.id().hashCode();
  }

  /** Writes an {@link InMemoryFile}: its bytes, its type, and its name for a download. */
  @Produces(MediaType.WILDCARD)
  public static final class Writer implements MessageBodyWriter<InMemoryFile> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return InMemoryFile.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(InMemoryFile file, Class<?> type, Type genericType, Annotation[] annotations,
        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
        throws IOException, WebApplicationException {
      StoredFile f = file.stored();
      headers.putSingle(HttpHeaders.CONTENT_TYPE, f.type());
      headers.putSingle(HttpHeaders.CONTENT_LENGTH, f.size());
      headers.putSingle("Content-Disposition", "inline; filename*=UTF-8''"
          + URLEncoder.encode(f.name(), StandardCharsets.UTF_8).replace("+", "%20"));
      out.write(f.content());
    }
  }
}
