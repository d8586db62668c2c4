package org.livechatcontract.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.livechatcontract.server.store.LivechatStore;

/**
 * What an agent or manager does to an open room: answer the visitor ({@code chat.sendMessage}), close it
 * ({@code livechat/room.closeByUser}) or forward it to another agent or department
 * ({@code livechat/room.forward}, Rocket.Chat's {@code forwardRoomToAgent} and {@code forwardRoomToDepartment}).
 */
public final class AgentActions {
  private final LivechatStore store;
  private final Router router;
  private final RoomService rooms;
  private final InquiryService inquiries;
  private final MessageService messages;
  private final Permissions permissions;
  private final Settings settings;
  private final Clock clock;

  public AgentActions(LivechatStore store, Router router, RoomService rooms, InquiryService inquiries,
      MessageService messages, Permissions permissions, Settings settings, Clock clock) {
    this.store = store;
    this.router = router;
    this.rooms = rooms;
    this.inquiries = inquiries;
    this.messages = messages;
    this.permissions = permissions;
    this.settings = settings;
    this.clock = clock;
  }

  /** What {@code chat.sendMessage} carries in {@code message}; every field may be null. */
  public record Answer(String rid, String msg, String type, String clientId) {}

  /**
   * {@code chat.sendMessage}: {@code user} writes in a livechat room. Checks in Rocket.Chat's order
   * ({@code executeSendMessage}, {@code canSendMessageAsync}, the omnichannel room-access validators): a
   * message type (system messages are refused), the size, {@code rid}, the room, that the user serves it
   * or holds {@code view-livechat-rooms}, then that it is open and the {@code _id} is free.
   */
  public Message answer(User user, Answer a) {
    if (a.type() != null && !a.type().isEmpty()) {
      throw LivechatError.plain("Cannot send system messages using 'chat.sendMessage'");
    }
    String text = a.msg() == null ? "" : a.msg();
    if (text.length() > settings.number(Settings.MESSAGE_MAX_ALLOWED_SIZE)) {
      throw LivechatError.meteor("error-message-size-exceeded", "Message size exceeds Message_MaxAllowedSize",
          Map.of("method", "sendMessage"));
    }
    if (!given(a.rid())) {
      throw LivechatError.plain("The 'rid' property on the message object is missing.");
    }
    Room room = store.roomById(a.rid()).orElseThrow(() -> LivechatError.plain("error-invalid-room"));
    boolean serving = room.servedBy() != null && room.servedBy().id().equals(user.id());
    if (!serving && !permissions.has(user, Permissions.VIEW_LIVECHAT_ROOMS)) {
      throw LivechatError.plain("error-not-allowed");
    }
    return messages.sendAgentMessage(room, user, text, a.clientId());
  }

  /** Closes the room as {@code user}; someone other than its agent needs {@code close-others-livechat-room}. */
  public Room closeByUser(User user, String rid) {
    Room room = store.roomById(rid).orElseThrow(() -> LivechatError.plain("error-invalid-room"));
    if (!room.open()) {
      throw LivechatError.plain("error-room-already-closed");
    }
    boolean serving = room.servedBy() != null && room.servedBy().id().equals(user.id());
    if (!serving && !permissions.has(user, Permissions.CLOSE_OTHERS_LIVECHAT_ROOM)) {
      throw LivechatError.plain("error-not-authorized");
    }
    try {
      return rooms.close(room, "user", user.id(), user.username());
    } catch (LivechatError e) {
      throw "room-closed".equals(e.code()) ? LivechatError.plain("error-room-already-closed") : e;
    }
  }

  /** Forwards the room to the department {@code departmentId} if given, else to the agent {@code userId}. */
  public void forward(String roomId, String userId, String departmentId) {
    Room room = store.roomById(roomId).orElseThrow(() -> LivechatError.plain("error-invalid-room"));
    if (!room.open()) {
      throw LivechatError.plain("This_conversation_is_already_closed");
    }
    store.visitorById(room.visitor().id()).orElseThrow(() -> LivechatError.plain("error-invalid-visitor"));
    Optional<Department> target = given(departmentId)
        ? Optional.of(store.departmentById(departmentId).orElseThrow(() -> LivechatError.plain("error-invalid-department")))
        : Optional.empty();
    rooms.serialized(room.visitor().token(), () -> {
      Room current = store.roomById(roomId).filter(Room::open)
          .orElseThrow(() -> LivechatError.plain("This_conversation_is_already_closed"));
      if (target.isPresent()) {
        toDepartment(current, target.get(), userId);
      } else if (given(userId)) {
        toAgent(current, userId);
      } else {
        throw LivechatError.plain("error-forwarding-chat");
      }
      return null;
    });
  }

  private void toAgent(Room room, String agentId) {
    User agent = onlineAgent(agentId);
    Inquiry inquiry = store.inquiryByRoomId(room.id()).orElseThrow(() -> LivechatError.plain("error-invalid-inquiry"));
    if (room.servedBy() != null && room.servedBy().id().equals(agentId)) {
      throw LivechatError.plain("error-selected-agent-room-agent-are-same");
    }
    inquiries.assign(inquiry, agent);
  }

  /**
   * Under Auto_Selection the room goes to the department's least busy online agent other than the
   * current one (or to the named agent), following fallback departments; under Manual_Selection it goes
   * back to the queue, unserved.
   */
  private void toDepartment(Room room, Department target, String agentId) {
    Inquiry inquiry = store.inquiryByRoomId(room.id())
        .orElseThrow(() -> LivechatError.plain("error-transferring-inquiry"));
    if (target.id().equals(room.departmentId())) {
      throw LivechatError.plain("error-forwarding-chat-same-department");
    }
    Optional<User> named = Optional.empty();
    if (given(agentId)) {
      named = Optional.of(onlineAgent(agentId));
      if (!target.hasAgent(agentId)) {
        throw LivechatError.plain("error-user-not-belong-to-department");
      }
    }
    Instant now = Times.now(clock);
    if (!settings.autoAssigns()) {
      store.updateRoom(room.id(), r -> r.unserved(now).inDepartment(target.id(), now));
      store.saveInquiry(inquiry.queued(target.id(), now));
      return;
    }
    String current = room.servedBy() == null ? null : room.servedBy().id();
    Optional<Router.Placement> placement = named.map(a -> new Router.Placement(a, target.id()))
        .or(() -> router.placeIn(target.id(), current));
    if (placement.isEmpty()) {
      if (current != null) {
        throw LivechatError.plain("error-no-agents-online-in-department");
      }
      store.updateRoom(room.id(), r -> r.inDepartment(target.id(), now));
      store.saveInquiry(inquiry.inDepartment(target.id(), now));
      return;
    }
    String department = placement.get().departmentId();
    store.updateRoom(room.id(), r -> r.inDepartment(department, now));
    inquiries.assign(inquiry.inDepartment(department, now), placement.get().agent());
  }

  private User onlineAgent(String agentId) {
    return store.userById(agentId).filter(router::isOnline)
        .orElseThrow(() -> LivechatError.plain("error-user-is-offline"));
  }

  private static boolean given(String s) {
    return s != null && !s.isEmpty();
  }
}
