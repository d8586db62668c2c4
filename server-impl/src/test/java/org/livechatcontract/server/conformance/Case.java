package org.livechatcontract.server.conformance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated request and what kind of input it is. The kind decides what a conforming server must
 * answer; the phase says how the request was made (Schemathesis's phases, plus auth and methods).
 * {@code route} is the spec's path template; {@code op} is null for methods the path does not declare.
 * {@code crossChecked}: whether Atlassian's validator reads this input as the spec does, so that it can
 * confirm the generator's claim that the request is valid or invalid (see {@link Checks}).
 */
record Case(String phase, Kind kind, Spec.Op op, String route, String label, Request request, boolean crossChecked) {

  /** What a request is, and the answer REST expects for it, before any deviation. */
  enum Kind {
    /** Valid by the spec: accepted (2xx), or refused with a documented 401/403/404/409 state answer. */
    VALID("positive_data_acceptance", 0),
    /** A parameter missing, of the wrong type or outside its schema (including {@code a[]=x} and repeats). */
    INVALID_PARAMETER("negative_data_rejection", 400),
    /** JSON that breaks the body schema: a missing key, a wrong type, an unknown key in a closed object. */
    INVALID_BODY("negative_data_rejection", 422),
    /** A body that is not JSON, or no body where one is required. */
    MALFORMED_BODY("negative_data_rejection", 400),
    /** A JSON body sent as something other than {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE("negative_data_rejection", 415),
    /** A request line longer than the server accepts. */
    URI_TOO_LONG("negative_data_rejection", 414),
    /** A header block larger than the server accepts. */
    HEADERS_TOO_LARGE("negative_data_rejection", 431),
    /** No, partial or wrong credentials on an operation that requires them. */
    BAD_CREDENTIALS("ignored_auth", 401),
    /** Good credentials of a user without a permission the operation requires. */
    MISSING_PERMISSION("ignored_auth", 403),
    /** A method the path does not declare: 405 with an {@code Allow} header naming the declared ones. */
    UNDECLARED_METHOD("unsupported_method", 405),
    /** {@code OPTIONS}: its {@code Allow} header names the declared methods. */
    OPTIONS("allow_header_conformance", 204);

    final String check;
    final int expected;

    Kind(String check, int expected) {
      this.check = check;
      this.expected = expected;
    }
  }

  /**
   * Whose credentials the request carries: only the headers in the request ({@code AS_GIVEN}), or a fresh
   * session of a user who holds the operation's permissions ({@code PERMITTED}) or lacks one ({@code LACKING}).
   */
  enum Auth { AS_GIVEN, PERMITTED, LACKING }

  /** A request as it goes on the wire; path and query are already percent-encoded. */
  record Request(String method, String path, String query, List<String[]> headers, String contentType, String body,
      Auth auth) {

    String target() {
      return query == null ? path : path + "?" + query;
    }

    Request withHeader(String name, String value) {
      List<String[]> h = new ArrayList<>(headers);
      h.add(new String[] {name, value});
      return new Request(method, path, query, List.copyOf(h), contentType, body, auth);
    }

    Request withAuth(Auth a) {
      return new Request(method, path, query, headers, contentType, body, a);
    }
  }

  /** Percent-encodes a path segment or query component (a space is {@code %20}, never {@code +}). */
  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return (op == null ? request.method() + " " + route : op.id()) + " [" + phase + "] " + label;
  }
}
