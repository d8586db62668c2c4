package org.livechatcontract.server.http;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;

/**
 * Outranks the mapper that jersey-bean-validation registers for {@link ValidationException}, and
 * hands the failure to {@link ErrorMapper} so that every error still has one author.
 */
public final class ValidationErrorMapper implements ExceptionMapper<ValidationException> {
  @Context
  private Providers providers;

  @Override
  public Response toResponse(ValidationException e) {
    return providers.getExceptionMapper(Throwable.class).toResponse(e);
  }
}
