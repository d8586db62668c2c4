package org.livechatcontract.server.resource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.livechatcontract.model.ConfigActionLink;
import org.livechatcontract.model.ConfigActionLinks;
import org.livechatcontract.model.ConfigCustomField;
import org.livechatcontract.model.ConfigDepartment;
import org.livechatcontract.model.ConfigGuest;
import org.livechatcontract.model.ConfigMessages;
import org.livechatcontract.model.ConfigResources;
import org.livechatcontract.model.ConfigRoom;
import org.livechatcontract.model.ConfigSettings;
import org.livechatcontract.model.ConfigSurvey;
import org.livechatcontract.model.ConfigTheme;
import org.livechatcontract.model.LivechatAgent;
import org.livechatcontract.model.LivechatConfig;
import org.livechatcontract.model.LivechatMessage;
import org.livechatcontract.model.MessageAttachment;
import org.livechatcontract.model.MessageBlock;
import org.livechatcontract.model.MessageFile;
import org.livechatcontract.model.MessageInline;
import org.livechatcontract.model.MessageNavigation;
import org.livechatcontract.model.MessageUrl;
import org.livechatcontract.model.MessageUser;
import org.livechatcontract.model.PageInfo;
import org.livechatcontract.model.PageLocation;
import org.livechatcontract.model.TranscriptRequestData;
import org.livechatcontract.model.UserEmail;
import org.livechatcontract.model.VisitorEmail;
import org.livechatcontract.server.domain.AgentCard;
import org.livechatcontract.server.domain.ConversationService;
import org.livechatcontract.server.domain.Message;
import org.livechatcontract.server.domain.Settings;

/** Messages, agents and the widget's configuration to the spec's DTOs (fluent setters only, as in {@link Dtos}). */
final class ConversationDtos {
  private ConversationDtos() {}

  static LivechatMessage message(Message m) {
    LivechatMessage dto = new LivechatMessage()
        .id(m.id())
        .rid(m.rid())
        .msg(m.msg())
        .t(m.type())
        .ts(Dtos.time(m.ts()))
        .u(author(m.author()))
        .updatedAt(Dtos.time(m.updatedAt()))
        .token(m.token())
        .alias(m.alias())
        .editedAt(Dtos.time(m.editedAt()))
        .editedBy(author(m.editedBy()));
    if (m.isSystem()) {
      dto.groupable(false);
    } else {
      dto.urls(m.urls().stream().map(u -> new MessageUrl().url(u)).toList())
          .mentions(new ArrayList<>())
          .channels(new ArrayList<>())
          .md(markdown(m.msg()));
    }
    if (m.navigation() != null) {
      dto.navigation(navigation(m.navigation()));
    }
    if (m.transcriptRequest() != null) {
      dto.requestData(new TranscriptRequestData()
          .type(TranscriptRequestData.TypeEnum.VISITOR)
          .visitor(author(m.transcriptRequest().visitor()))
          .user(author(m.transcriptRequest().user()))
          .email(m.transcriptRequest().email())
          .subject(m.transcriptRequest().subject()));
    }
    if (m.attachment() != null) {
      Message.Attachment a = m.attachment();
      MessageFile file = new MessageFile().id(a.fileId()).name(a.name()).type(a.type()).size(a.size());
      MessageAttachment attachment = new MessageAttachment()
          .title(a.name())
          .titleLink(a.url())
          .titleLinkDownload(true)
          .type(MessageAttachment.TypeEnum.FILE)
          .description(a.description());
      if (a.type().startsWith("image/")) {
        attachment.imageUrl(a.url()).imageType(a.type()).imageSize(a.size());
      }
      dto._file(file).files(List.of(file)).attachments(List.of(attachment));
    }
    return dto;
  }

  static MessageNavigation navigation(Message.Navigation n) {
    return new MessageNavigation()
        .page(new PageInfo().title(n.title()).change(n.change()).location(new PageLocation().href(n.href())))
        .token(n.token());
  }

  private static MessageUser author(Message.Author a) {
    return a == null ? null : new MessageUser().id(a.id()).username(a.username()).name(a.name());
  }

  /** The text as Rocket.Chat's parser shows plain text: one paragraph per line. */
  private static List<MessageBlock> markdown(String text) {
    List<MessageBlock> blocks = new ArrayList<>();
    if (text.isEmpty()) {
      return blocks;
    }
    for (String line : text.split("\n", -1)) {
      blocks.add(new MessageBlock().type("PARAGRAPH")
          .value(line.isEmpty() ? new ArrayList<>() : List.of(new MessageInline().type("PLAIN_TEXT").value(line))));
    }
    return blocks;
  }

  static LivechatAgent agent(AgentCard a) {
    if (a.hiddenInfo()) {
      return new LivechatAgent().hiddenInfo(true);
    }
    return new LivechatAgent()
        .id(a.id())
        .username(a.username())
        .name(a.name())
        .status(Dtos.status(a.status()))
        .emails(a.email() == null ? null : List.of(new UserEmail().address(a.email()).verified(true)));
  }

  static LivechatConfig config(ConversationService.WidgetConfig c, URI base) {
    if (!c.enabled()) {
      return new LivechatConfig().enabled(false);
    }
    Settings s = c.settings();
    LivechatConfig config = new LivechatConfig()
        .enabled(true)
        .settings(new ConfigSettings()
            .registrationForm(s.flag("Livechat_registration_form"))
            .allowSwitchingDepartments(s.flag("Livechat_allow_switching_departments"))
            .nameFieldRegistrationForm(s.flag("Livechat_name_field_registration_form"))
            .emailFieldRegistrationForm(s.flag("Livechat_email_field_registration_form"))
            .displayOfflineForm(s.flag(Settings.DISPLAY_OFFLINE_FORM))
            .videoCall(false)
            .fileUpload(c.fileUpload())
            .language(s.text("Language"))
            .transcript(s.flag("Livechat_enable_transcript"))
            .historyMonitorType(s.text(Settings.HISTORY_MONITOR_TYPE))
            .forceAcceptDataProcessingConsent(s.flag("Livechat_force_accept_data_processing_consent"))
            .showConnecting(s.flag("Livechat_Show_Connecting"))
            .agentHiddenInfo(!s.flag(Settings.SHOW_AGENT_INFO))
            .clearLocalStorageWhenChatEnded(s.flag("Livechat_clear_local_storage_when_chat_ended"))
            .limitTextLength(c.limitTextLength())
            .hiddenSystemMessages(new ArrayList<>())
            .livechatLogo(s.text("Livechat_widget_logo"))
            .hideWatermark(s.flag("Livechat_hide_watermark"))
            .visitorsCanCloseChat(s.flag(Settings.ALLOW_VISITORS_TO_CLOSE)))
        .theme(new ConfigTheme()
            .title(s.text("Livechat_title"))
            .color(s.text("Livechat_title_color"))
            .offlineTitle(s.text("Livechat_offline_title"))
            .offlineColor(s.text("Livechat_offline_title_color"))
            .position(s.text("Livechat_widget_position"))
            .background(s.text("Livechat_background"))
            .hideExpandChat(s.flag("Livechat_hide_expand_chat"))
            .actionLinks(new ConfigActionLinks()
                .webrtc(List.of(
                    new ConfigActionLink().actionLinksAlignment("flex-start").i18nLabel("Join_call")
                        .label("Join call").methodId("joinLivechatWebRTCCall"),
                    new ConfigActionLink().i18nLabel("End_call").label("End call")
                        .methodId("endLivechatWebRTCCall").danger(true)))
                .jitsi(List.of(
                    new ConfigActionLink().icon("icon-videocam").i18nLabel("Accept"),
                    new ConfigActionLink().icon("icon-cancel").i18nLabel("Decline")))))
        .messages(new ConfigMessages()
            .offlineMessage(s.text("Livechat_offline_message"))
            .offlineSuccessMessage(s.text("Livechat_offline_success_message"))
            .offlineUnavailableMessage(s.text("Livechat_offline_form_unavailable"))
            .conversationFinishedMessage(s.text("Livechat_conversation_finished_message"))
            .conversationFinishedText(s.text("Livechat_conversation_finished_text"))
            .transcriptMessage(s.text("Livechat_transcript_message"))
            .registrationFormMessage(s.text("Livechat_registration_form_message"))
            .dataProcessingConsentText(s.text("Livechat_data_processing_consent_text")))
        .survey(new ConfigSurvey()
            .items(ConversationService.SURVEY_ITEMS)
            .values(ConversationService.SURVEY_VALUES))
        .triggers(new ArrayList<>())
        .departments(c.departments().stream()
            .map(d -> new ConfigDepartment().id(d.id()).name(d.name()).showOnRegistration(true).showOnOfflineForm(true))
            .toList())
        .resources(new ConfigResources().sound(base.resolve("/sounds/chime.mp3").toString()).emojis(new ArrayList<>()))
        .online(c.online())
        .customFields(c.customFields().stream()
            .map(f -> new ConfigCustomField().id(f.id()).label(f.label()).regexp(f.regexp()).required(f.required())
                .type(f.type()).defaultValue(f.defaultValue()).options(f.options()))
            .toList());
    c.guest().ifPresent(v -> config.guest(new ConfigGuest()
        .id(v.id())
        .name(v.name())
        .username(v.username())
        .token(v.token())
        .visitorEmails(v.emails().isEmpty() ? null : v.emails().stream().map(e -> new VisitorEmail().address(e)).toList())
        .department(v.department())));
    c.room().ifPresent(r -> config.room(new ConfigRoom()
        .id(r.id())
        .departmentId(r.departmentId())
        .servedBy(Dtos.servedBy(r.servedBy()))
        .open(true)));
    c.agent().ifPresent(a -> config.agent(agent(a)));
    return config;
  }
}
