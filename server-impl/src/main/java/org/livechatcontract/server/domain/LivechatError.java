package org.livechatcontract.server.domain;

import java.util.Map;

/**
 * A refusal that Rocket.Chat expresses as a 400 with a {@code {success:false, error}} body.
 *
 * <p>Rocket.Chat throws two kinds of error and they look different on the wire:
 * <ul>
 *   <li>a plain JS {@code Error(code)}: {@code {"error":"invalid-token"}}, with no {@code errorType};</li>
 *   <li>a {@code Meteor.Error(code, reason, details)}: {@code {"error":"<reason> [code]","errorType":code,"details":…}},
 *       or {@code "[code]"} when there is no reason.</li>
 * </ul>
 * The domain says which kind it means; the HTTP layer only renders it. A few of Rocket.Chat's handlers
 * answer 403 or 404 themselves ({@link #forbidden()}, {@link #notFound(String)}).
 */
public final class LivechatError extends RuntimeException {
  private final String code;
  private final String errorText;
  private final String errorType;
  private final int status;
  private final Map<String, String> details;

  private LivechatError(String code, String errorText, String errorType, int status, Map<String, String> details) {
    super(code, null, false, false);
    this.code = code;
    this.errorText = errorText;
    this.errorType = errorType;
    this.status = status;
    this.details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** A plain JS {@code Error}: the body's {@code error} is the code itself. */
  public static LivechatError plain(String code) {
    return new LivechatError(code, code, null, 400, null);
  }

  /** A Meteor error without a reason: {@code "[code]"}. */
  public static LivechatError meteor(String code) {
    return new LivechatError(code, "[" + code + "]", code, 400, null);
  }

  /** A Meteor error with a reason: {@code "<reason> [code]"}. */
  public static LivechatError meteor(String code, String reason) {
    return meteor(code, reason, null);
  }

  public static LivechatError meteor(String code, String reason, Map<String, String> details) {
    return new LivechatError(code, reason + " [" + code + "]", code, 400, details);
  }

  /** A failed Meteor {@code check()}: {@code "Match error: <text>"}, no errorType. */
  public static LivechatError match(String text) {
    return plain("Match error: " + text);
  }

  /** Rocket.Chat's {@code API.v1.failure(text, errorType)}: the text as it is, and the errorType beside it. */
  public static LivechatError failure(String text, String errorType) {
    return new LivechatError(errorType, text, errorType, 400, null);
  }

  /** Rocket.Chat's {@code API.v1.forbidden()}: a 403 {@code unauthorized} from inside a handler. */
  public static LivechatError forbidden() {
    return new LivechatError("unauthorized", "unauthorized", null, 403, null);
  }

  /** Rocket.Chat's {@code API.v1.notFound(text)}: a 404. */
  public static LivechatError notFound(String text) {
    return new LivechatError(text, text, null, 404, null);
  }

  public String code() {
    return code;
  }

  /** The body's {@code error} text. */
  public String errorText() {
    return errorText;
  }

  /** The body's {@code errorType}, or null when there is none. */
  public String errorType() {
    return errorType;
  }

  /** The HTTP status: 400 unless the error says otherwise. */
  public int status() {
    return status;
  }

  public Map<String, String> details() {
    return details;
  }

  @Override
  public String getMessage() {
    return errorText;
  }
}
