package org.livechatcontract.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.livechatcontract.server.store.LivechatStore;

/** The queue of rooms waiting for an agent: listing it and taking from it ({@code livechat:takeInquiry}). */
public final class InquiryService {
  private static final Map<String, String> TAKE = Map.of("method", "livechat:takeInquiry");

  private final LivechatStore store;
  private final Router router;
  private final RoomService rooms;
  private final Settings settings;
  private final Clock clock;

  public InquiryService(LivechatStore store, Router router, RoomService rooms, Settings settings, Clock clock) {
    this.store = store;
    this.router = router;
    this.rooms = rooms;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The queued inquiries this user may take, oldest first: those of {@code department}, or else those
   * without a department or in one of the user's; and only those without a default agent or with the
   * user as default agent.
   */
  public Page<Inquiry> queuedFor(User user, String department, Integer offset, Integer count) {
    Set<String> mine = store.departmentsOfAgent(user.id()).stream().map(Department::id).collect(Collectors.toSet());
    boolean onlyOne = department != null && !department.isEmpty();
    List<Inquiry> queued = store.queuedInquiries().stream()
        .filter(i -> onlyOne ? department.equals(i.department()) : i.department() == null || mine.contains(i.department()))
        .filter(i -> i.defaultAgent() == null || i.defaultAgent().agentId().equals(user.id()))
        .toList();
    return Page.of(queued, offset, count);
  }

  public Optional<Inquiry> ofRoom(String roomId) {
    return store.inquiryByRoomId(roomId);
  }

  /**
   * Assigns the inquiry's room to the caller, or to {@code userId}, who must be online (with
   * {@code Livechat_accept_chats_with_no_agents}: any livechat agent). A taken inquiry cannot be taken again.
   */
  public void take(User caller, String inquiryId, String userId) {
    boolean forSomeoneElse = userId != null && !userId.isEmpty();
    if (forSomeoneElse && store.userById(userId).isEmpty()) {
      throw LivechatError.plain("The user is invalid");
    }
    Inquiry inquiry = findOpen(inquiryId);
    User agent = store.userById(forSomeoneElse ? userId : caller.id()).filter(this::mayTake)
        .orElseThrow(() -> LivechatError.meteor("error-agent-status-service-offline",
            "Agent status is offline or Omnichannel service is not active", TAKE));
    rooms.serialized(inquiry.visitor().token(), () -> {
      Inquiry current = findOpen(inquiryId);
      store.roomById(current.roomId()).filter(Room::open)
          .orElseThrow(() -> LivechatError.meteor("error-not-found", "Inquiry not found", TAKE));
      assign(current, agent);
      return null;
    });
  }

  /**
   * Gives the inquiry's room to the agent and marks the inquiry taken. The caller holds the room's
   * lock ({@link RoomService#serialized}).
   */
  void assign(Inquiry inquiry, User agent) {
    Instant now = Times.now(clock);
    store.updateRoom(inquiry.roomId(), r -> r.transferredTo(new Room.ServedBy(agent.id(), agent.username(), now), now));
    store.saveInquiry(inquiry.taken(now));
  }

  private Inquiry findOpen(String inquiryId) {
    Inquiry inquiry = store.inquiryById(inquiryId)
        .orElseThrow(() -> LivechatError.meteor("error-not-found", "Inquiry not found", TAKE));
    if (inquiry.state() == Inquiry.State.TAKEN) {
      throw LivechatError.meteor("error-inquiry-taken", "Inquiry already taken", TAKE);
    }
    return inquiry;
  }

  private boolean mayTake(User u) {
    return router.isOnline(u) || (settings.flag(Settings.ACCEPT_CHATS_WITH_NO_AGENTS) && u.hasRole(Roles.LIVECHAT_AGENT));
  }
}
