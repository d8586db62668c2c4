package org.livechatcontract.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;

/** Hands Jersey's Jackson provider the server's one {@link ObjectMapper}. */
public final class ObjectMapperProvider implements ContextResolver<ObjectMapper> {
  private final ObjectMapper mapper;

  public ObjectMapperProvider(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
