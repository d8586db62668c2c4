package org.livechatcontract.server.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: the request must carry a valid {@code X-User-Id} / {@code X-Auth-Token} pair
 * (else 401), and the user must hold every listed permission (else 403). The spec says the same with
 * {@code security} and {@code x-permissions}; a test keeps the two in step.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Authenticated {
  String[] permissions() default {};
}
