package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.livechatcontract.api.LivechatMessagesApi;
import org.livechatcontract.model.DeletedMessage;
import org.livechatcontract.model.DeletedMessageResponse;
import org.livechatcontract.model.LivechatMessageDeleteRequest;
import org.livechatcontract.model.LivechatMessageRequest;
import org.livechatcontract.model.LivechatMessageResponse;
import org.livechatcontract.model.LivechatMessageUpdateRequest;
import org.livechatcontract.model.MessageHistoryResponse;
import org.livechatcontract.server.domain.Message;
import org.livechatcontract.server.domain.MessageService;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** The conversation: send, read, edit and delete messages, and the room's history. */
@Singleton
public final class LivechatMessagesResource implements LivechatMessagesApi {
  private final MessageService messages;

  @Inject
  public LivechatMessagesResource(MessageService messages) {
    this.messages = messages;
  }

  @Override
  @Validated(InputStyle.AJV)
  public LivechatMessageResponse sendLivechatMessage(LivechatMessageRequest body) {
    return response(messages.sendVisitorMessage(body.getToken(), body.getRid(), body.getMsg(), body.getId()));
  }

  @Override
  @Validated(InputStyle.AJV)
  public LivechatMessageResponse getLivechatMessage(String id, String token, String rid) {
    return response(messages.visitorMessage(token, rid, id));
  }

  @Override
  @Validated(InputStyle.AJV)
  public LivechatMessageResponse updateLivechatMessage(String id, LivechatMessageUpdateRequest body) {
    return response(messages.editVisitorMessage(body.getToken(), body.getRid(), id, body.getMsg()));
  }

  @Override
  @Validated(InputStyle.AJV)
  public DeletedMessageResponse deleteLivechatMessage(String id, LivechatMessageDeleteRequest body) {
    return new DeletedMessageResponse()
        .message(new DeletedMessage().id(id).ts(Dtos.time(messages.deleteVisitorMessage(body.getToken(), body.getRid(), id))))
        .success(true);
  }

  @Override
  @Validated(InputStyle.AJV)
  public MessageHistoryResponse getMessageHistory(String rid, String token, Integer limit, Integer offset,
      Integer count, String ls, String end, String searchText, String sort) {
    return new MessageHistoryResponse()
        .messages(messages.history(token, rid, new MessageService.HistoryQuery(limit, offset, end, searchText, sort))
            .stream().map(ConversationDtos::message).toList())
        .success(true);
  }

  private static LivechatMessageResponse response(Message m) {
    return new LivechatMessageResponse().message(ConversationDtos.message(m)).success(true);
  }
}
