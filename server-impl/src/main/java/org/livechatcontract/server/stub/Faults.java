package org.livechatcontract.server.stub;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.livechatcontract.server.http.InjectedFault;
import org.livechatcontract.server.http.Traffic;

/**
 * Applies the {@link Rules} to the Livechat API's operations (the methods of the generated
 * {@code org.livechatcontract.api} interfaces; their names are the spec's operationIds). It runs before
 * authentication, so a fault answers before the operation changes anything. An affected answer
 * carries the ids of the rules that took it in {@code X-Stub-Rule} (comma-separated).
 */
public final class Faults implements DynamicFeature {
  private static final String API_PACKAGE = "org.livechatcontract.api";
  private final Rules rules;

  public Faults(Rules rules) {
    this.rules = rules;
  }

  @Override
  public void configure(ResourceInfo info, FeatureContext context) {
    if (info.getResourceMethod() == null) {
      return;
    }
    for (Class<?> iface : info.getResourceClass().getInterfaces()) {
      if (iface.getPackageName().equals(API_PACKAGE)) {
        context.register(new Filter(rules, info.getResourceMethod().getName()));
        return;
      }
    }
  }

  @Priority(500) // before AUTHENTICATION (1000)
  private static final class Filter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String RULE = Faults.class.getName() + ".rule";
    private final Rules rules;
    private final String operationId;

    Filter(Rules rules, String operationId) {
      this.rules = rules;
      this.operationId = operationId;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Optional<Rules.Firing> firing = rules.fire(operationId);
      if (firing.isEmpty()) {
        return;
      }
      Rules.Firing f = firing.get();
      request.setProperty(RULE, String.join(",", f.ruleIds()));
      if (f.delayMs() > 0) {
        try {
          Thread.sleep(f.delayMs());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (f.status() != null) {
        drain(request); // an unread body would cost the client its kept-alive connection
        throw new InjectedFault(f.status(), f.error());
      }
    }

    private static void drain(ContainerRequestContext request) {
      if (request.hasEntity()) {
        try (InputStream in = request.getEntityStream()) {
          in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
          // the client went away; nothing to answer
        }
      }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      Object rule = request.getProperty(RULE);
      if (rule != null) {
        response.getHeaders().putSingle(Traffic.RULE_HEADER, rule);
      }
    }
  }
}
