package org.livechatcontract.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import org.livechatcontract.server.contract.ResponseContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-check mode ({@code --validate-responses}): every answer is checked against the spec just before
 * it is sent. An answer that breaks the spec is logged and replaced by the documented 500
 * {@code contract-violation}, which names the broken rule.
 *
 * <p>Runs after every other response filter (the lowest priority runs last), so it sees the headers that
 * are really sent. The body it checked is the body it sends: the entity is turned into a JSON tree once,
 * validated, and written from that tree.
 */
@Priority(1)
public final class ResponseSelfCheck implements ContainerResponseFilter {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseSelfCheck.class);

  private final ResponseContract contract;
  private final ObjectMapper mapper;

  public ResponseSelfCheck(ResponseContract contract, ObjectMapper mapper) {
    this.contract = contract;
    this.mapper = mapper;
  }

  /** The stub admin API has its own spec, which its tests check; this contract is the Livechat API's. */
  static final String ADMIN_PATHS = "/api/v1/stub/";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
    if (request.getUriInfo().getRequestUri().getRawPath().startsWith(ADMIN_PATHS)) {
      return;
    }
    String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
    Object entity = response.getEntity();
    boolean json = !opaque(entity) && (contentType == null || ResponseContract.isJson(contentType));
    JsonNode body = response.hasEntity() && json ? tree(entity) : null;
    String method = request.getMethod();
    String path = request.getUriInfo().getRequestUri().getRawPath();
    Optional<ResponseContract.Violation> violation = contract.check(method, path, response.getStatus(), contentType,
        response::getHeaderString, response.hasEntity(), body);
    if (violation.isPresent()) {
      LOG.error("off-contract answer to {} {}: {} {} {}; sent 500 contract-violation instead: {}", method, path,
          response.getStatus(), contentType, body, violation.get());
      Response replacement = ErrorBodies.contractViolation(violation.get());
      response.setStatus(replacement.getStatus());
      response.getHeaders().remove(HttpHeaders.ALLOW);
      response.setEntity(replacement.getEntity(), response.getEntityAnnotations(), replacement.getMediaType());
    } else if (body != null && !(response.getEntity() instanceof JsonNode)) {
      response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
    }
  }

  /**
   * Bytes a writer streams as they are (a file, a stream): never JSON, whatever media type was negotiated so far
   * (a file's writer sets its own type when it writes).
   */
  private static boolean opaque(Object entity) {
    return entity instanceof java.io.File || entity instanceof java.io.InputStream || entity instanceof byte[]
        || entity instanceof jakarta.ws.rs.core.StreamingOutput || entity instanceof java.nio.file.Path;
  }

  /** A JSON body as the client will read it; text that does not parse is kept as a string, which no schema accepts. */
  private JsonNode tree(Object entity) throws IOException {
    if (entity instanceof JsonNode node) {
      return node;
    }
    if (entity instanceof String text) {
      try {
        return mapper.readTree(text);
      } catch (IOException notJson) {
        return mapper.getNodeFactory().textNode(text);
      }
    }
    return mapper.valueToTree(entity);
  }
}
