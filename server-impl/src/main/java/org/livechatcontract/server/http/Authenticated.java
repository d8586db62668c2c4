package org.livechatcontract.server.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: the request must carry a valid {@code X-User-Id} / {@code X-Auth-Token} pair
 * (else 401), and the user must hold every one of {@link #permissions()} and at least one of
 * {@link #anyOf()} (else 403). The spec says the same with {@code security}, {@code x-permissions} and
 * {@code x-permissions-any}; a test keeps the two in step.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Authenticated {
  /** Rocket.Chat's {@code permissionsRequired} with {@code hasAll} (its default). */
  String[] permissions() default {};

  /** Rocket.Chat's {@code permissionsRequired} with {@code hasAny}; empty means no such check. */
  String[] anyOf() default {};
}
