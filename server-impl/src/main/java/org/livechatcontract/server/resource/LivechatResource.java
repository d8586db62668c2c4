package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.livechatcontract.api.LivechatApi;
import org.livechatcontract.model.AgentResponse;
import org.livechatcontract.model.ConfigResponse;
import org.livechatcontract.model.MessageTextResponse;
import org.livechatcontract.model.NextAgentResponse;
import org.livechatcontract.model.OfflineMessagesResponse;
import org.livechatcontract.model.OfflineMessageRequest;
import org.livechatcontract.model.PageVisitedRequest;
import org.livechatcontract.model.PageVisitedResponse;
import org.livechatcontract.model.VisitedPage;
import org.livechatcontract.server.domain.ConversationService;
import org.livechatcontract.server.domain.MessageService;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** The widget's configuration, agents, page tracking and the offline form. */
@Singleton
public final class LivechatResource implements LivechatApi {
  static final String OFFLINE_MESSAGE_SENT = "Livechat offline message sent";

  private final ConversationService conversations;
  private final MessageService messages;

  @Context
  private UriInfo uri;

  @Inject
  public LivechatResource(ConversationService conversations, MessageService messages) {
    this.conversations = conversations;
    this.messages = messages;
  }

  @Override
  @Validated(InputStyle.AJV)
  public ConfigResponse getLivechatConfig(String token, String department, String businessUnit) {
    return new ConfigResponse()
        .config(ConversationDtos.config(conversations.config(token), uri.getBaseUri()))
        .success(true);
  }

  @Override
  public AgentResponse getServingAgent(String rid, String token) {
    return new AgentResponse().agent(ConversationDtos.agent(conversations.servingAgent(rid, token))).success(true);
  }

  @Override
  @Validated(InputStyle.AJV)
  public NextAgentResponse getNextAgent(String token, String department) {
    return new NextAgentResponse()
        .agent(conversations.nextAgent(token).map(ConversationDtos::agent).orElse(null))
        .success(true);
  }

  @Override
  @Validated(InputStyle.AJV)
  public PageVisitedResponse savePageVisited(PageVisitedRequest body) {
    return new PageVisitedResponse()
        .page(messages.pageVisited(body.getToken(), body.getRid(), body.getPageInfo().getTitle(),
                body.getPageInfo().getChange(), body.getPageInfo().getLocation().getHref())
            .map(m -> new VisitedPage().msg(m.msg()).navigation(ConversationDtos.navigation(m.navigation())))
            .orElse(null))
        .success(true);
  }

  @Override
  @Validated(InputStyle.AJV)
  public MessageTextResponse sendOfflineMessage(OfflineMessageRequest body) {
    conversations.leaveOfflineMessage(body.getName(), body.getEmail(), body.getMessage(), body.getDepartment(),
        body.getHost());
    return new MessageTextResponse().message(OFFLINE_MESSAGE_SENT).success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_LIVECHAT_MANAGER)
  public OfflineMessagesResponse listOfflineMessages() {
    return new OfflineMessagesResponse()
        .messages(conversations.offlineMessages().stream().map(m -> new org.livechatcontract.model.OfflineMessage()
            .id(m.id())
            .name(m.name())
            .email(m.email())
            .message(m.message())
            .department(m.department())
            .host(m.host())
            .ts(Dtos.time(m.ts()))).toList())
        .success(true);
  }
}
