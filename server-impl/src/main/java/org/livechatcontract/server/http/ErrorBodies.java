package org.livechatcontract.server.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.livechatcontract.model.AuthError;
import org.livechatcontract.model.ContractViolation;
import org.livechatcontract.model.ErrorDetails;
import org.livechatcontract.model.ErrorResponse;
import org.livechatcontract.server.contract.ResponseContract;
import org.livechatcontract.server.domain.LivechatError;

/** The Rocket.Chat-shaped error bodies, built from the spec's own DTOs. */
public final class ErrorBodies {
  public static final String NOT_LOGGED_IN = "You must be logged in to do this.";
  public static final String FORBIDDEN = "User does not have the permissions required for this action [error-unauthorized]";

  private ErrorBodies() {}

  public static Response status(int status, String error) {
    return json(status, new ErrorResponse().success(false).error(error));
  }

  public static Response of(LivechatError e) {
    ErrorResponse body = new ErrorResponse().success(false).error(e.errorText()).errorType(e.errorType());
    Map<String, String> details = e.details();
    if (details.containsKey("method")) {
      body.details(new ErrorDetails().method(details.get("method")));
    }
    return json(e.status(), body);
  }

  /** 401 with the four keys Rocket.Chat sends while it keeps {@code status}/{@code message} for old clients. */
  public static Response unauthorized(String error) {
    return json(401, new AuthError().success(false).error(error).status(AuthError.StatusEnum.ERROR).message(error));
  }

  /** The answer a fault rule injects: the body the server gives for that status, or one with the given text. */
  public static Response injected(int status, String error) {
    return switch (status) {
      case 401 -> unauthorized(error != null ? error : NOT_LOGGED_IN);
      case 403 -> status(403, error != null ? error : FORBIDDEN);
      default -> status(status, error != null ? error : JettyJsonErrors.text(status));
    };
  }

  public static Response forbidden() {
    return status(403, FORBIDDEN);
  }

  /** Self-check mode's stand-in for an answer that broke the spec. */
  public static Response contractViolation(ResponseContract.Violation v) {
    return json(500, new ContractViolation()
        .success(false)
        .error(ContractViolation.ErrorEnum.CONTRACT_VIOLATION)
        .rule(ContractViolation.RuleEnum.fromValue(v.rule().wire()))
        .operationId(v.operationId())
        .status(v.status())
        .violations(v.problems()));
  }

  static Response json(int status, Object body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
