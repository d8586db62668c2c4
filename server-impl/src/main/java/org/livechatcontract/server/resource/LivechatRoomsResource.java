package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.File;
import java.io.InputStream;
import java.util.AbstractMap;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;
import jakarta.inject.Provider;
import org.glassfish.jersey.server.ContainerRequest;
import org.livechatcontract.api.LivechatRoomsApi;
import org.livechatcontract.model.LivechatMessageResponse;
import org.livechatcontract.model.MessageTextResponse;
import org.livechatcontract.model.RoomCloseRequest;
import org.livechatcontract.model.RoomCloseResponse;
import org.livechatcontract.model.RoomSurveyRequest;
import org.livechatcontract.model.RoomSurveyResponse;
import org.livechatcontract.model.VisitorTranscriptRequest;
import org.livechatcontract.server.domain.ConversationService;
import org.livechatcontract.server.domain.MessageService;
import org.livechatcontract.server.domain.UploadService;
import org.livechatcontract.server.http.InMemoryFile;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.MultipartFormParams;
import org.livechatcontract.server.http.Validated;

/** The visitor's calls about their room: close, survey, transcript, file upload (and the file served back). */
@Singleton
public final class LivechatRoomsResource implements LivechatRoomsApi {
  static final String VISITOR_TOKEN_HEADER = "x-visitor-token";
  static final String TRANSCRIPT_SENT = "Livechat transcript sent";

  private final ConversationService conversations;
  private final MessageService messages;
  private final UploadService uploads;

  /** The current request (a singleton resource must look it up per call). */
  @Inject
  private Provider<ContainerRequest> requests;

  @Inject
  public LivechatRoomsResource(ConversationService conversations, MessageService messages, UploadService uploads) {
    this.conversations = conversations;
    this.messages = messages;
    this.uploads = uploads;
  }

  @Override
  @Validated(InputStyle.AJV)
  public RoomCloseResponse closeLivechatRoom(RoomCloseRequest body) {
    return new RoomCloseResponse()
        .rid(body.getRid())
        .comment(conversations.closeByVisitor(body.getToken(), body.getRid()))
        .success(true);
  }

  @Override
  @Validated(InputStyle.AJV)
  public RoomSurveyResponse saveRoomSurvey(RoomSurveyRequest body) {
    return new RoomSurveyResponse()
        .rid(body.getRid())
        .data(conversations.saveSurvey(body.getToken(), body.getRid(), body.getData().stream()
            .<java.util.Map.Entry<String, String>>map(a -> new AbstractMap.SimpleImmutableEntry<>(a.getName(), a.getValue()))
            .toList()))
        .success(true);
  }

  @Override
  @Validated(InputStyle.AJV)
  public MessageTextResponse requestTranscript(VisitorTranscriptRequest body) {
    messages.requestTranscript(body.getToken(), body.getRid(), body.getEmail());
    return new MessageTextResponse().message(TRANSCRIPT_SENT).success(true);
  }

  /**
   * The visitor is named by the {@code x-visitor-token} header (the spec's {@code visitorToken} scheme).
   *
   * <p>The JAX-RS annotations repeat the generated interface's because Jersey fills {@code @FormParam}
   * only from url-encoded forms: the multipart module needs {@code @FormDataParam}. {@code UploadTest}
   * calls this path through the contract check, so a path that drifts from the spec fails it.
   */
  @Override
  @POST
  @Path("/api/v1/livechat/upload/{rid}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public LivechatMessageResponse uploadFile(@PathParam("rid") String rid, @FormDataParam("file") InputStream file,
      @FormDataParam("description") String description) {
    ContainerRequest request = requests.get();
    FormDataBodyPart part = MultipartFormParams.part(request, "file");
    UploadService.Upload upload = part == null ? null : new UploadService.Upload(
        part.getContentDisposition() == null ? null : part.getContentDisposition().getFileName(),
        part.getMediaType() == null ? null : part.getMediaType().getType() + "/" + part.getMediaType().getSubtype(),
        file, description);
    return new LivechatMessageResponse()
        .message(ConversationDtos.message(uploads.upload(request.getHeaderString(VISITOR_TOKEN_HEADER), rid, upload)))
        .success(true);
  }

  @Override
  public File getUploadedFile(String fileId, String fileName) {
    return uploads.file(fileId, fileName).map(InMemoryFile::new)
        .orElseThrow(NotFoundException::new);
  }
}
