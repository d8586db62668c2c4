package org.livechatcontract.server.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a boolean query parameter as AJV does: {@code true} or {@code false}, nothing else. Jersey's own
 * conversion reads {@code ?onlyAvailable=yes} as false; here it is refused like any other value of the
 * wrong type (see {@link ErrorMapper}).
 */
public final class StrictBooleans implements ParamConverterProvider {
  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType != Boolean.class) {
      return null;
    }
    return (ParamConverter<T>) new ParamConverter<Boolean>() {
      @Override
      public Boolean fromString(String value) {
        if (value == null) {
          return null;
        }
        if ("true".equals(value)) {
          return Boolean.TRUE;
        }
        if ("false".equals(value)) {
          return Boolean.FALSE;
        }
        // Not an IllegalArgumentException: Jersey would quietly use the default value for that one.
        throw new NotABoolean(value);
      }

      @Override
      public String toString(Boolean value) {
        return String.valueOf(value);
      }
    };
  }

  private static final class NotABoolean extends RuntimeException {
    NotABoolean(String value) {
      super("not a boolean: " + value, null, false, false);
    }
  }
}
