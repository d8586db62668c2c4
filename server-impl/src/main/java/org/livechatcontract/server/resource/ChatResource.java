package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.livechatcontract.api.ChatApi;
import org.livechatcontract.model.ChatMessageInput;
import org.livechatcontract.model.ChatSendMessageRequest;
import org.livechatcontract.model.LivechatMessageResponse;
import org.livechatcontract.server.domain.AgentActions;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.AuthenticatedUser;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** {@code chat.sendMessage}: an agent answers in a livechat room. */
@Singleton
public final class ChatResource implements ChatApi {
  private final AgentActions actions;

  @Context
  private SecurityContext security;

  @Inject
  public ChatResource(AgentActions actions) {
    this.actions = actions;
  }

  @Override
  @Authenticated
  @Validated(InputStyle.AJV)
  public LivechatMessageResponse sendChatMessage(ChatSendMessageRequest body) {
    ChatMessageInput m = body.getMessage();
    AgentActions.Answer answer = new AgentActions.Answer(m.getRid(), m.getMsg(), m.getT(), m.getId());
    return new LivechatMessageResponse()
        .message(ConversationDtos.message(actions.answer(AuthenticatedUser.of(security).user(), answer)))
        .success(true);
  }
}
