package org.livechatcontract.server.http;

/**
 * How an endpoint words its refusal of malformed input. Rocket.Chat validates some endpoints with
 * Meteor's {@code check()} and others with AJV, and the two read differently.
 */
public enum InputStyle {
  /** {@code "Match error: Missing key 'token'"}, no errorType. */
  METEOR_CHECK,
  /** {@code "must have required property 'token' [invalid-params]"}, errorType {@code invalid-params}. */
  AJV,
  /**
   * The router's AJV, for Rocket.Chat's typed routes: {@code "must have required property 'token'"},
   * errorType {@code error-invalid-params}.
   */
  AJV_ROUTER
}
