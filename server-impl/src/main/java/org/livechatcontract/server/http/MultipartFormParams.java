package org.livechatcontract.server.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import java.util.function.Function;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;
import org.livechatcontract.server.domain.LivechatError;
import org.livechatcontract.server.domain.Settings;

/**
 * Supplies the generated interfaces' {@code @FormParam} parameters from a {@code multipart/form-data}
 * body: an {@code InputStream} gets the part's content, a {@code String} its text. (Jersey's own
 * {@code @FormParam} reads only url-encoded forms, and its multipart module only {@code @FormDataParam}.)
 * The parsed body stays on the request ({@link #form}) for the part's file name and type.
 *
 * <p>A body that announces more than {@code FileUpload_MaxFileSize} plus {@value #SLACK_BYTES} bytes of
 * form overhead is refused before it is read.
 */
public final class MultipartFormParams implements ValueParamProvider {
  static final long SLACK_BYTES = 64 * 1024;

  private final Settings settings;

  public MultipartFormParams(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
    if (parameter.getSource() != Parameter.Source.FORM) {
      return null;
    }
    String name = parameter.getSourceName();
    if (parameter.getRawType() == InputStream.class) {
      return request -> part(request, name) == null ? null : part(request, name).getValueAs(InputStream.class);
    }
    if (parameter.getRawType() == String.class) {
      return request -> part(request, name) == null ? null : part(request, name).getValue();
    }
    return null;
  }

  private FormDataBodyPart part(ContainerRequest request, String name) {
    return form(request).getField(name);
  }

  /** The request's parsed multipart body, read once. */
  public FormDataMultiPart form(ContainerRequest request) {
    Object cached = request.getProperty(FormDataMultiPart.class.getName());
    if (cached instanceof FormDataMultiPart form) {
      return form;
    }
    long max = settings.number(Settings.FILE_UPLOAD_MAX_FILE_SIZE);
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (max >= 0 && declared != null && Long.parseLong(declared.trim()) > max + SLACK_BYTES) {
      throw LivechatError.meteor("error-file-too-large", "File size exceeds the allowed " + max + " bytes");
    }
    FormDataMultiPart form = request.readEntity(FormDataMultiPart.class);
    request.setProperty(FormDataMultiPart.class.getName(), form);
    return form;
  }

  @Override
  public PriorityType getPriority() {
    return Priority.HIGH;
  }
}
