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
 * The domain says which kind it means; the HTTP layer only renders it.
 */
public final class LivechatError extends RuntimeException {
  private final String code;
  private final String reason;
  private final boolean meteor;
  private final Map<String, String> details;

  private LivechatError(String code, String reason, boolean meteor, Map<String, String> details) {
    super(code, null, false, false);
    this.code = code;
    this.reason = reason;
    this.meteor = meteor;
    this.details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** A plain JS {@code Error}: the body's {@code error} is the code itself. */
  public static LivechatError plain(String code) {
    return new LivechatError(code, null, false, null);
  }

  /** A Meteor error without a reason: {@code "[code]"}. */
  public static LivechatError meteor(String code) {
    return new LivechatError(code, null, true, null);
  }

  /** A Meteor error with a reason: {@code "<reason> [code]"}. */
  public static LivechatError meteor(String code, String reason) {
    return new LivechatError(code, reason, true, null);
  }

  public static LivechatError meteor(String code, String reason, Map<String, String> details) {
    return new LivechatError(code, reason, true, details);
  }

  /** A failed Meteor {@code check()}: {@code "Match error: <text>"}, no errorType. */
  public static LivechatError match(String text) {
    return new LivechatError("Match error: " + text, null, false, null);
  }

  public String code() {
    return code;
  }

  /** The body's {@code error} text. */
  public String errorText() {
    if (!meteor) {
      return code;
    }
    return reason == null ? "[" + code + "]" : reason + " [" + code + "]";
  }

  /** The body's {@code errorType}, or null for a plain error. */
  public String errorType() {
    return meteor ? code : null;
  }

  public Map<String, String> details() {
    return details;
  }

  @Override
  public String getMessage() {
    return errorText();
  }
}
