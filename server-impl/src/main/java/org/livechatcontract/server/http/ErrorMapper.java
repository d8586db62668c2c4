package org.livechatcontract.server.http;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.livechatcontract.server.domain.AuthenticationFailed;
import org.livechatcontract.server.domain.LivechatError;
import org.livechatcontract.server.domain.VisitorNotAuthorized;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes an HTTP answer. Every answer is Rocket.Chat-shaped JSON;
 * nothing here writes a stack trace to the client.
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  /** The one endpoint whose body is multipart, not JSON. */
  private static final String UPLOAD_PATH = "api/v1/livechat/upload/";

  @Context
  private ResourceInfo resourceInfo;

  @Context
  private jakarta.ws.rs.core.UriInfo uri;

  @Override
  public Response toResponse(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof LivechatError le) {
      return ErrorBodies.of(le);
    }
    if (e instanceof AuthenticationFailed) {
      return ErrorBodies.unauthorized("Unauthorized");
    }
    if (e instanceof InjectedFault f) {
      return injected(f);
    }
    if (e instanceof VisitorNotAuthorized) {
      return ErrorBodies.status(401, "unauthorized");
    }
    if (e instanceof ConstraintViolationException cve) {
      return ErrorBodies.of(fromViolations(cve.getConstraintViolations()));
    }
    if (e instanceof JsonProcessingException jpe) {
      return ErrorBodies.of(fromJson(jpe));
    }
    if (e instanceof WebApplicationException wae) {
      return fromWebApplication(wae);
    }
    LOG.error("unhandled failure; answering 500", failure);
    return ErrorBodies.status(500, "Internal server error");
  }

  /** An injected fault, with the body the operation itself gives for that status (the upload's are its own). */
  private Response injected(InjectedFault f) {
    boolean upload = uri != null && uri.getPath().startsWith(UPLOAD_PATH);
    if (upload && f.status() == 401) {
      return ErrorBodies.status(401, f.error() != null ? f.error() : "unauthorized");
    }
    if (f.status() == 415) {
      return ErrorBodies.status(415, f.error() != null ? f.error() : unsupportedMediaType());
    }
    return ErrorBodies.injected(f.status(), f.error());
  }

  private String unsupportedMediaType() {
    String expected = uri != null && uri.getPath().startsWith(UPLOAD_PATH) ? "multipart/form-data" : "application/json";
    return "Unsupported Media Type: send the body as " + expected;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    for (int depth = 0; cur != null && depth < 10; depth++, cur = cur.getCause()) {
      if (cur instanceof LivechatError || cur instanceof JsonProcessingException
          || cur instanceof ConstraintViolationException || cur instanceof AuthenticationFailed) {
        return cur;
      }
    }
    return t;
  }

  private InputErrors errors() {
    return new InputErrors(ResourceMethods.style(resourceInfo));
  }

  private Response fromWebApplication(WebApplicationException wae) {
    Response r = wae.getResponse();
    if (r.hasEntity()) {
      return r;
    }
    int status = r.getStatus();
    if (wae instanceof ParamException pe && pe.getParameterType() == QueryParam.class) {
      // JAX-RS answers a query value that does not convert with a 404; Rocket.Chat's validators with a 400.
      return ErrorBodies.of(errors().wrongType(pe.getParameterName(), queryParamType(pe.getParameterName()), "string"));
    }
    if (wae instanceof NotAllowedException) {
      Response.ResponseBuilder b = Response.fromResponse(ErrorBodies.status(405, "Method not allowed"));
      String allow = r.getHeaderString(HttpHeaders.ALLOW);
      if (allow != null) {
        b.header(HttpHeaders.ALLOW, allow);
      }
      return b.build();
    }
    if (wae instanceof NotSupportedException) {
      return ErrorBodies.status(415, unsupportedMediaType());
    }
    return switch (status) {
      case 404 -> ErrorBodies.status(404, "Resource not found");
      case 400 -> ErrorBodies.status(400, "Bad request");
      default -> ErrorBodies.status(status, Response.Status.fromStatusCode(status) == null
          ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase());
    };
  }

  /** The name of the matched operation's query parameter at this position, or null if it is not one. */
  private String queryParamName(int index) {
    if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
      return null;
    }
    Annotation[][] annotations = ResourceMethods.generated(resourceInfo).getParameterAnnotations();
    if (index >= annotations.length) {
      return null;
    }
    for (Annotation a : annotations[index]) {
      if (a instanceof QueryParam q) {
        return q.value();
      }
    }
    return null;
  }

  /** A range constraint in AJV's words ({@code must be >= 0}); others in Bean Validation's. */
  private static String constraintText(ConstraintViolation<?> v) {
    Annotation a = v.getConstraintDescriptor().getAnnotation();
    if (a instanceof Min min) {
      return "must be >= " + min.value();
    }
    return v.getMessage();
  }

  /** The JSON Schema type of a query parameter of the matched operation, as AJV names it. */
  private String queryParamType(String name) {
    Method m = ResourceMethods.generated(resourceInfo);
    Annotation[][] annotations = m.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof QueryParam q && q.value().equals(name)) {
          Class<?> type = m.getParameterTypes()[i];
          return type == Integer.class || type == Long.class ? "integer" : jsType(type);
        }
      }
    }
    return "string";
  }

  // Bean Validation: the spec's `required` and constraints, checked on the generated DTOs.

  private LivechatError fromViolations(Collection<ConstraintViolation<?>> violations) {
    ConstraintViolation<?> first = violations.stream()
        .min(Comparator.comparingInt((ConstraintViolation<?> v) -> nodes(v.getPropertyPath()).size())
            .thenComparing(v -> parentPath(v.getPropertyPath()))
            .thenComparingInt(ErrorMapper::declarationOrder))
        .orElseThrow();
    List<Path.Node> nodes = nodes(first.getPropertyPath());
    List<String> fields = new ArrayList<>();
    Path.Node last = null;
    for (Path.Node n : nodes) {
      if (n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT) {
        if (n.getIndex() != null && !fields.isEmpty()) {
          fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "[" + n.getIndex() + "]");
        }
        if (n.getName() != null && n.getKind() == ElementKind.PROPERTY) {
          fields.add(jsonName(first.getLeafBean(), n.getName(), n == nodes.get(nodes.size() - 1)));
        }
      }
      last = n;
    }
    boolean isNotNull = first.getConstraintDescriptor().getAnnotation() instanceof NotNull;
    if (last != null && last.getKind() == ElementKind.PARAMETER) {
      int index = last.as(Path.ParameterNode.class).getParameterIndex();
      String query = queryParamName(index);
      if (query != null) {
        return isNotNull ? errors().missing("", query) : errors().invalid(query, constraintText(first));
      }
      // The whole body is absent: Rocket.Chat sees `{}` and reports the first required key.
      return errors().missing("", firstRequiredKey(index));
    }
    String path = String.join(".", fields);
    if (isNotNull && !fields.isEmpty()) {
      String key = fields.get(fields.size() - 1);
      String parent = String.join(".", fields.subList(0, fields.size() - 1));
      return errors().missing(parent, key);
    }
    return errors().invalid(path, first.getMessage());
  }

  private static String parentPath(Path path) {
    String p = path.toString();
    int dot = p.lastIndexOf('.');
    return dot < 0 ? "" : p.substring(0, dot);
  }

  /** Meteor reports the first missing key in the schema's order, which the generated fields keep. */
  private static int declarationOrder(ConstraintViolation<?> v) {
    List<Path.Node> nodes = nodes(v.getPropertyPath());
    Object leaf = v.getLeafBean();
    if (leaf == null || nodes.isEmpty()) {
      return 0;
    }
    String name = nodes.get(nodes.size() - 1).getName();
    java.lang.reflect.Field[] fields = leaf.getClass().getDeclaredFields();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].getName().equals(name)) {
        return i;
      }
    }
    return fields.length;
  }

  private static List<Path.Node> nodes(Path path) {
    List<Path.Node> out = new ArrayList<>();
    path.forEach(out::add);
    return out;
  }

  /** The JSON name of a property of the leaf bean ({@code id} is written {@code _id}). */
  private static String jsonName(Object leafBean, String javaName, boolean isLeaf) {
    if (!isLeaf || leafBean == null) {
      return javaName;
    }
    String getter = "get" + Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
    try {
      JsonProperty p = leafBean.getClass().getMethod(getter).getAnnotation(JsonProperty.class);
      return p != null && !p.value().isEmpty() ? p.value() : javaName;
    } catch (NoSuchMethodException e) {
      return javaName;
    }
  }

  /** The first key the body's schema requires, read from the generated DTO's creator. */
  private String firstRequiredKey(int parameterIndex) {
    Method m = resourceInfo == null || resourceInfo.getResourceMethod() == null
        ? null : ResourceMethods.generated(resourceInfo);
    if (m != null && parameterIndex < m.getParameterCount()) {
      Class<?> bodyType = m.getParameterTypes()[parameterIndex];
      for (Constructor<?> c : bodyType.getConstructors()) {
        if (c.isAnnotationPresent(JsonCreator.class)) {
          for (Parameter p : c.getParameters()) {
            JsonProperty jp = p.getAnnotation(JsonProperty.class);
            if (jp != null && jp.required()) {
              return jp.value();
            }
          }
        }
      }
    }
    return "body";
  }

  // Jackson: the body is not JSON, or has keys or types the schema does not allow.

  private LivechatError fromJson(JsonProcessingException e) {
    InputErrors errors = errors();
    if (e instanceof UnrecognizedPropertyException u) {
      return errors.unknown(path(u));
    }
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType()
        : e instanceof ValueInstantiationException v && v.getType() != null ? v.getType().getRawClass() : null;
    if (target != null && target.isEnum() && "string".equals(actual((JsonMappingException) e))) {
      // A string the schema's enum does not list (the generated model's enum refused it).
      return errors.notOneOf(path((JsonMappingException) e),
          java.util.Arrays.stream(target.getEnumConstants()).map(String::valueOf).toList());
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return errors.wrongType(path(m), jsType(m.getTargetType()), actual(m));
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return LivechatError.plain("Malformed JSON body" + where);
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String jsType(Class<?> type) {
    if (type == String.class || type.isEnum()) {
      return "string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "number";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    return "object";
  }

  private static String actual(JsonMappingException e) {
    Object processor = e.getProcessor();
    JsonToken t = processor instanceof JsonParser p ? p.currentToken() : null;
    if (t == null) {
      return "undefined";
    }
    return switch (t) {
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      case START_ARRAY, END_ARRAY -> "array";
      default -> "object";
    };
  }
}
