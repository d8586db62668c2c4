package org.livechatcontract.server.http;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/** Finds the hand-written implementation of a matched (generated) resource method. */
final class ResourceMethods {
  private ResourceMethods() {}

  /** The annotation on the implementing method, whichever of the interface or impl method Jersey reports. */
  static <A extends Annotation> A annotation(ResourceInfo info, Class<A> type) {
    Method m = info == null ? null : info.getResourceMethod();
    if (m == null) {
      return null;
    }
    A direct = m.getAnnotation(type);
    if (direct != null || info.getResourceClass() == null) {
      return direct;
    }
    try {
      return info.getResourceClass().getMethod(m.getName(), m.getParameterTypes()).getAnnotation(type);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The generated interface method that carries the JAX-RS annotations from the spec. */
  static Method generated(ResourceInfo info) {
    Method m = info.getResourceMethod();
    if (m.getDeclaringClass().isInterface()) {
      return m;
    }
    for (Class<?> iface : m.getDeclaringClass().getInterfaces()) {
      try {
        return iface.getMethod(m.getName(), m.getParameterTypes());
      } catch (NoSuchMethodException e) {
        // not this interface
      }
    }
    return m;
  }

  static InputStyle style(ResourceInfo info) {
    Validated v = annotation(info, Validated.class);
    return v == null ? InputStyle.METEOR_CHECK : v.value();
  }
}
