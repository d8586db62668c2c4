package org.livechatcontract.server.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import org.livechatcontract.server.domain.LivechatError;
import org.livechatcontract.server.domain.Settings;

/**
 * Multipart bodies (the visitor's upload). Jersey's multipart module parses the body once for the
 * method's form parameters and keeps it on the request; {@link #part} reads a part's file name and
 * type from there.
 *
 * <p>As a request filter, refuses a multipart body that announces more than
 * {@code FileUpload_MaxFileSize} plus {@value #SLACK_BYTES} bytes of form overhead, before it is read.
 */
public final class MultipartFormParams implements ContainerRequestFilter {
  static final long SLACK_BYTES = 64 * 1024;

  private final Settings settings;

  @Context
  private ResourceInfo resourceInfo;

  public MultipartFormParams(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Consumes consumes = resourceInfo == null || resourceInfo.getResourceMethod() == null
        ? null : resourceInfo.getResourceMethod().getAnnotation(Consumes.class);
    if (consumes == null || !Arrays.asList(consumes.value()).contains(MediaType.MULTIPART_FORM_DATA)) {
      return;
    }
    long max = settings.number(Settings.FILE_UPLOAD_MAX_FILE_SIZE);
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (max >= 0 && declared != null && Long.parseLong(declared.trim()) > max + SLACK_BYTES) {
      throw LivechatError.meteor("error-file-too-large", "File size exceeds the allowed " + max + " bytes");
    }
  }

  /** A part of the request's multipart body, once the method's form parameters were read; null if absent. */
  public static FormDataBodyPart part(ContainerRequestContext request, String name) {
    Object form = request.getProperty(FormDataMultiPart.class.getName());
    return form instanceof FormDataMultiPart f ? f.getField(name) : null;
  }
}
