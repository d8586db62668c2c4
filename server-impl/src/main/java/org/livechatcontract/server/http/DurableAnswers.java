package org.livechatcontract.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import org.livechatcontract.server.store.DurableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --data-file}: a request's writes wait for the disk together, at the end, and no answer
 * leaves before they are all there. A write the disk refused turns the answer into a 500.
 */
@PreMatching
public final class DurableAnswers implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger LOG = LoggerFactory.getLogger(DurableAnswers.class);

  private final DurableStore store;

  public DurableAnswers(DurableStore store) {
    this.store = store;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    store.deferWaits();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    try {
      store.awaitDeferred();
    } catch (RuntimeException e) {
      LOG.error("a write of {} {} did not reach the disk; answering 500", request.getMethod(),
          request.getUriInfo().getPath(), e);
      jakarta.ws.rs.core.Response failed = ErrorBodies.status(500, "Internal server error");
      response.setStatus(failed.getStatus());
      response.setEntity(failed.getEntity(), null, MediaType.APPLICATION_JSON_TYPE);
    }
  }
}
