package org.livechatcontract.server;

import java.time.Clock;
import org.livechatcontract.server.domain.AgentActions;
import org.livechatcontract.server.domain.AuthService;
import org.livechatcontract.server.domain.ConversationService;
import org.livechatcontract.server.domain.GuestService;
import org.livechatcontract.server.domain.MessageService;
import org.livechatcontract.server.domain.DepartmentService;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.domain.InquiryService;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.RoomService;
import org.livechatcontract.server.domain.Router;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.domain.UploadService;
import org.livechatcontract.server.domain.Times;
import org.livechatcontract.server.domain.UserService;
import org.livechatcontract.server.domain.VisitorService;
import org.livechatcontract.server.store.LivechatStore;

/** The server's state and services, wired together, with no HTTP in sight. */
public final class Livechat {
  private final LivechatStore store;
  private final Settings settings;
  private final Permissions permissions;
  private final Ids ids;
  private final Clock clock;
  private final AuthService auth;
  private final Router router;
  private final VisitorService visitors;
  private final RoomService rooms;
  private final MessageService messages;
  private final GuestService guests;
  private final ConversationService conversations;
  private final UploadService uploads;
  private final DepartmentService departments;
  private final UserService users;
  private final InquiryService inquiries;
  private final AgentActions agentActions;

  public Livechat(LivechatStore store, Ids ids, Clock clock) {
    this.store = store;
    this.ids = ids;
    this.clock = clock;
    this.settings = new Settings();
    this.permissions = new Permissions(Times.now(clock));
    this.auth = new AuthService(store, ids);
    this.router = new Router(store, settings);
    this.visitors = new VisitorService(store, settings, ids, clock);
    this.messages = new MessageService(store, settings, ids, clock);
    this.rooms = new RoomService(store, router, ids, clock, messages);
    this.guests = new GuestService(store, settings, clock);
    this.conversations = new ConversationService(store, settings, router, rooms, ids, clock);
    this.uploads = new UploadService(store, settings, messages, ids, clock);
    this.departments = new DepartmentService(store, settings, ids, clock);
    this.users = new UserService(store, departments, permissions, ids, clock);
    this.inquiries = new InquiryService(store, router, rooms, settings, clock);
    this.agentActions = new AgentActions(store, router, rooms, inquiries, messages, permissions, settings, clock);
  }

  public LivechatStore store() {
    return store;
  }

  public Settings settings() {
    return settings;
  }

  public Permissions permissions() {
    return permissions;
  }

  public Ids ids() {
    return ids;
  }

  public Clock clock() {
    return clock;
  }

  public AuthService auth() {
    return auth;
  }

  public Router router() {
    return router;
  }

  public VisitorService visitors() {
    return visitors;
  }

  public RoomService rooms() {
    return rooms;
  }

  public MessageService messages() {
    return messages;
  }

  public GuestService guests() {
    return guests;
  }

  public ConversationService conversations() {
    return conversations;
  }

  public UploadService uploads() {
    return uploads;
  }

  public DepartmentService departments() {
    return departments;
  }

  public UserService users() {
    return users;
  }

  public InquiryService inquiries() {
    return inquiries;
  }

  public AgentActions agentActions() {
    return agentActions;
  }
}
