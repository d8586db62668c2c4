package org.livechatcontract.server.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one JSON configuration of the server. */
public final class JsonMapper {
  /** What JavaScript's {@code Date.toJSON()} writes: UTC, always three fraction digits. */
  static final DateTimeFormatter JS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

  private JsonMapper() {}

  public static ObjectMapper create(ClosedSchemas closed) {
    Builder b = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new SimpleModule("js-dates").addSerializer(OffsetDateTime.class, new JsDateSerializer()))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        // Input is JSON as JavaScript sees it: no silent coercion between strings, numbers and booleans.
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addHandler(new OpenSchemas(closed))
        .annotationIntrospector(new SetterBasedModels());
    ObjectMapper mapper = b.build();
    for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer,
        LogicalType.Float, LogicalType.POJO, LogicalType.Collection, LogicalType.Map}) {
      mapper.coercionConfigFor(t)
          .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
              ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
    }
    return mapper;
  }

  /**
   * Generated models are read through their no-argument constructor and setters, not their
   * {@code @JsonCreator}: a missing required key then reaches Bean Validation, which names it with
   * its path, instead of failing inside Jackson.
   */
  private static final class SetterBasedModels extends JacksonAnnotationIntrospector {
    private static final java.util.Set<String> MODEL_PACKAGES =
        java.util.Set.of("org.livechatcontract.model", "org.livechatcontract.stub.model");

    @Override
    public JsonCreator.Mode findCreatorAnnotation(MapperConfig<?> config, Annotated a) {
      if (a instanceof AnnotatedMember m && MODEL_PACKAGES.contains(m.getDeclaringClass().getPackageName())) {
        return JsonCreator.Mode.DISABLED;
      }
      return super.findCreatorAnnotation(config, a);
    }
  }

  /** Unknown keys are ignored, except in schemas the spec closes with {@code additionalProperties: false}. */
  private static final class OpenSchemas extends DeserializationProblemHandler {
    private final ClosedSchemas closed;

    OpenSchemas(ClosedSchemas closed) {
      this.closed = closed;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
        Object beanOrClass, String propertyName) throws IOException {
      Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
      if (closed.isClosed(type)) {
        return false; // FAIL_ON_UNKNOWN_PROPERTIES then refuses it
      }
      p.skipChildren();
      return true;
    }
  }

  private static final class JsDateSerializer extends StdSerializer<OffsetDateTime> {
    JsDateSerializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(jsDate(value));
    }
  }

  /**
   * {@link #JS_DATE}'s text, written digit by digit: every answer carries several dates, and the
   * general formatter was a measurable share of the time spent writing a room.
   */
  static String jsDate(OffsetDateTime value) {
    OffsetDateTime utc = ZoneOffset.UTC.equals(value.getOffset()) ? value : value.withOffsetSameInstant(ZoneOffset.UTC);
    int year = utc.getYear();
    if (year < 0 || year > 9999) {
      return JS_DATE.format(utc);
    }
    char[] c = new char[24];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, utc.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, utc.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, utc.getHour(), 2);
    c[13] = ':';
    digits(c, 14, utc.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, utc.getSecond(), 2);
    c[19] = '.';
    digits(c, 20, utc.getNano() / 1_000_000, 3);
    c[23] = 'Z';
    return new String(c);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
