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
      gen.writeString(JS_DATE.format(value.withOffsetSameInstant(ZoneOffset.UTC)));
    }
  }
}
