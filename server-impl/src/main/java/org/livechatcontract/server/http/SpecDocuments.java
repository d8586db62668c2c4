package org.livechatcontract.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The specs as the generated jar carries them ({@code openapi/*.yaml} on the classpath), read as JSON trees. */
public final class SpecDocuments {
  private SpecDocuments() {}

  public static JsonNode read(String resource) {
    try (InputStream in = SpecDocuments.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (it ships in the generated jar)");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
