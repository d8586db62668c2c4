package org.livechatcontract.server.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: validate its input as Rocket.Chat does for that endpoint. The query string
 * is checked against the operation's declared query parameters before the method runs (an unknown
 * key or a repeated/array parameter is refused), and body or parameter errors are worded in the
 * endpoint's style. Without this annotation the query string is not checked, as in Rocket.Chat's
 * endpoints that validate nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Validated {
  InputStyle value() default InputStyle.METEOR_CHECK;
}
