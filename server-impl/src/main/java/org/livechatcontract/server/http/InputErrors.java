package org.livechatcontract.server.http;

import org.livechatcontract.server.domain.LivechatError;

/**
 * Words an input error the way the endpoint's validator in Rocket.Chat would.
 *
 * <p>Paths are Meteor's: {@code visitor.token}, {@code customFields[0].key}. AJV reports only the
 * first error and no path, as Rocket.Chat's AJV instance (no {@code allErrors}) does, in the legacy
 * wrapper's wording or the router's ({@link InputStyle#AJV_ROUTER}).
 */
public final class InputErrors {
  private final InputStyle style;

  public InputErrors(InputStyle style) {
    this.style = style;
  }

  /** A required key is absent. {@code parent} is the path of the object that lacks it ("" at the top). */
  public LivechatError missing(String parent, String key) {
    if (style != InputStyle.METEOR_CHECK) {
      return invalidParams("must have required property '" + key + "'");
    }
    return LivechatError.match("Missing key '" + key + "'" + in(parent));
  }

  /** A key the schema does not allow. {@code path} includes the key. */
  public LivechatError unknown(String path) {
    if (style != InputStyle.METEOR_CHECK) {
      return invalidParams("must NOT have additional properties");
    }
    return LivechatError.match("Unknown key" + in(path));
  }

  /**
   * A value of the wrong type. {@code expected} and {@code actual} are JavaScript type names
   * ({@code string}, {@code number}, {@code boolean}, {@code object}, {@code array}, {@code null}).
   */
  public LivechatError wrongType(String path, String expected, String actual) {
    if (style != InputStyle.METEOR_CHECK) {
      return invalidParams("must be " + expected);
    }
    if ("object".equals(expected) && "array".equals(actual)) {
      return LivechatError.match("Expected plain object" + in(path));
    }
    // Meteor names the actual value with typeof: an array is an "object" there.
    String shown = "array".equals(actual) ? "object" : actual;
    return LivechatError.match("Expected " + expected + ", got " + shown + in(path));
  }

  /** A string that is not one of the schema's {@code enum} values. */
  public LivechatError notOneOf(String path, java.util.List<String> values) {
    if (style != InputStyle.METEOR_CHECK) {
      return invalidParams("must be equal to one of the allowed values");
    }
    return LivechatError.match("Expected one of " + String.join(", ", values) + in(path));
  }

  /** Any other constraint of the schema (length, pattern, range). */
  public LivechatError invalid(String path, String message) {
    if (style != InputStyle.METEOR_CHECK) {
      return invalidParams((path.isEmpty() ? "" : path + " ") + message);
    }
    return LivechatError.match(message + in(path));
  }

  private LivechatError invalidParams(String text) {
    return style == InputStyle.AJV_ROUTER
        ? LivechatError.failure(text, "error-invalid-params")
        : LivechatError.meteor("invalid-params", text);
  }

  private static String in(String path) {
    return path == null || path.isEmpty() ? "" : " in field " + path;
  }
}
