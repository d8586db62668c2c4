package org.livechatcontract.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request's query string as Rocket.Chat's validators would, before the method runs.
 *
 * <p>The allowed keys are the operation's {@code @QueryParam}s, which come from the spec. Keys are
 * visited in the order they appear (Meteor reports the first problem it meets): an unknown key is
 * refused, and a key given twice or in {@code qs} array/object form ({@code a[]=x}, {@code a[k]=x})
 * is not a string. Required keys that are absent are reported after that.
 */
@Priority(Priorities.USER)
final class QueryCheckFilter implements ContainerRequestFilter {
  private final InputErrors errors;
  private final Set<String> allowed;
  private final List<String> required;

  QueryCheckFilter(Method generatedMethod, InputStyle style) {
    this.errors = new InputErrors(style);
    Set<String> names = new HashSet<>();
    List<String> req = new ArrayList<>();
    Annotation[][] params = generatedMethod.getParameterAnnotations();
    for (Annotation[] annotations : params) {
      String name = null;
      boolean notNull = false;
      for (Annotation a : annotations) {
        if (a instanceof QueryParam q) {
          name = q.value();
        } else if (a instanceof NotNull) {
          notNull = true;
        }
      }
      if (name != null) {
        names.add(name);
        if (notNull) {
          req.add(name);
        }
      }
    }
    this.allowed = Set.copyOf(names);
    this.required = List.copyOf(req);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    Set<String> structured = new HashSet<>();
    String raw = request.getUriInfo().getRequestUri().getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        int bracket = key.indexOf('[');
        if (bracket > 0) {
          key = key.substring(0, bracket);
          structured.add(key);
        }
        seen.merge(key, 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> e : seen.entrySet()) {
      String key = e.getKey();
      if (!allowed.contains(key)) {
        throw errors.unknown(key);
      }
      if (e.getValue() > 1 || structured.contains(key)) {
        throw errors.wrongType(key, "string", "array");
      }
    }
    for (String key : required) {
      if (!seen.containsKey(key)) {
        throw errors.missing("", key);
      }
    }
  }

  /** Decodes like {@code qs}: an escape that does not decode is kept as it was written. */
  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
