package org.livechatcontract.server.resource;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.livechatcontract.model.ClosedBy;
import org.livechatcontract.model.DepartmentAgent;
import org.livechatcontract.model.InquiryAgent;
import org.livechatcontract.model.LivechatUser;
import org.livechatcontract.model.MeResponse;
import org.livechatcontract.model.RoomMetrics;
import org.livechatcontract.model.RoomMetricsAgent;
import org.livechatcontract.model.RoomMetricsReaction;
import org.livechatcontract.model.RoomMetricsResponse;
import org.livechatcontract.model.RoomMetricsVisitor;
import org.livechatcontract.model.RoomSource;
import org.livechatcontract.model.RoomVisitor;
import org.livechatcontract.model.SuccessResponse;
import org.livechatcontract.model.UserEmail;
import org.livechatcontract.model.UserStatus;
import org.livechatcontract.model.VisitorEmail;
import org.livechatcontract.model.VisitorOpenRoom;
import org.livechatcontract.model.VisitorPhone;
import org.livechatcontract.server.domain.Department;
import org.livechatcontract.server.domain.Inquiry;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.domain.Roles;
import org.livechatcontract.server.domain.Status;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.domain.Visitor;

/**
 * Domain records to the spec's DTOs. Always through fluent setters: a property renamed in the spec
 * then fails to compile here.
 */
final class Dtos {
  private Dtos() {}

  static SuccessResponse success() {
    return new SuccessResponse().success(true);
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static UserStatus status(Status s) {
    return s == null ? null : UserStatus.fromValue(s.wire());
  }

  static org.livechatcontract.model.Room room(Room r) {
    return new org.livechatcontract.model.Room()
        .id(r.id())
        .t(org.livechatcontract.model.Room.TEnum.L)
        .fname(r.fname())
        .v(roomVisitor(r.visitor()).lastMessageTs(time(r.visitorLastMessageTs())))
        .departmentId(r.departmentId())
        .open(r.open() ? Boolean.TRUE : null)
        .cl(false)
        .msgs(r.msgs())
        .usersCount(r.usersCount())
        .ts(time(r.ts()))
        .updatedAt(time(r.updatedAt()))
        .lm(time(r.lm()))
        .waitingResponse(r.waitingResponse() ? Boolean.TRUE : null)
        .source(source(r.source()))
        .servedBy(servedBy(r.servedBy()))
        .queuedAt(time(r.queuedAt()))
        .priorityWeight(r.priorityWeight())
        .estimatedWaitingTimeQueue(r.estimatedWaitingTimeQueue())
        .closedAt(r.isClosed() ? time(r.closing().closedAt()) : null)
        .closer(r.isClosed() ? org.livechatcontract.model.Room.CloserEnum.fromValue(r.closing().closer()) : null)
        .closedBy(r.isClosed() ? new ClosedBy().id(r.closing().closedById()).username(r.closing().closedByUsername()) : null)
        .metrics(metrics(r.metrics()))
        .responseBy(responseBy(r.responseBy()))
        .lastMessage(r.lastMessage() == null ? null : ConversationDtos.message(r.lastMessage()))
        .surveyFeedback(r.surveyFeedback().isEmpty() ? null : r.surveyFeedback())
        .livechatData(r.livechatData().isEmpty() ? null : r.livechatData());
  }

  static org.livechatcontract.model.ResponseBy responseBy(Room.ResponseBy b) {
    return b == null ? null : new org.livechatcontract.model.ResponseBy()
        .id(b.id())
        .username(b.username())
        .firstResponseTs(time(b.firstResponseTs()))
        .lastMessageTs(time(b.lastMessageTs()));
  }

  static RoomVisitor roomVisitor(Room.RoomVisitor v) {
    return new RoomVisitor()
        .id(v.id())
        .username(v.username())
        .token(v.token())
        .status(status(v.status()));
  }

  /** Absent when the room has no metric yet, as Rocket.Chat leaves {@code metrics} unset. */
  static RoomMetrics metrics(Room.Metrics m) {
    if (m == null || m.equals(Room.Metrics.NONE)) {
      return null;
    }
    return new RoomMetrics()
        .chatDuration(decimal(m.chatDuration()))
        .serviceTimeDuration(decimal(m.serviceTimeDuration()))
        .v(m.visitorLastQuery() == null ? null : new RoomMetricsVisitor().lq(time(m.visitorLastQuery())))
        .servedBy(m.agentLastReply() == null ? null : new RoomMetricsAgent().lr(time(m.agentLastReply())))
        .response(m.response() == null ? null : new RoomMetricsResponse()
            .avg(decimal(m.response().avg()))
            .fd(time(m.response().fd()))
            .ft(decimal(m.response().ft()))
            .total(m.response().total())
            .tt(decimal(m.response().tt())))
        .reaction(m.reaction() == null ? null : new RoomMetricsReaction()
            .fd(time(m.reaction().fd()))
            .ft(decimal(m.reaction().ft()))
            .tt(decimal(m.reaction().tt())));
  }

  static BigDecimal decimal(Double d) {
    return d == null ? null : BigDecimal.valueOf(d);
  }

  static VisitorOpenRoom openRoom(Room r) {
    return new VisitorOpenRoom()
        .id(r.id())
        .t(VisitorOpenRoom.TEnum.L)
        .cl(false)
        .servedBy(servedBy(r.servedBy()));
  }

  private static RoomSource source(Room.Source s) {
    return new RoomSource().type(RoomSource.TypeEnum.fromValue(s.type())).destination(s.destination());
  }

  static org.livechatcontract.model.ServedBy servedBy(Room.ServedBy s) {
    return s == null ? null : new org.livechatcontract.model.ServedBy()
        .id(s.id())
        .username(s.username())
        .ts(time(s.ts()));
  }

  static org.livechatcontract.model.Visitor visitor(Visitor v) {
    return new org.livechatcontract.model.Visitor()
        .id(v.id())
        .username(v.username())
        .token(v.token())
        .name(v.name())
        .status(status(v.status()))
        .ts(time(v.ts()))
        .updatedAt(time(v.updatedAt()))
        .department(v.department())
        .phone(v.phones().isEmpty() ? null : v.phones().stream().map(p -> new VisitorPhone().phoneNumber(p)).toList())
        .visitorEmails(v.emails().isEmpty() ? null
            : v.emails().stream().map(e -> new VisitorEmail().address(e)).toList())
        .livechatData(v.livechatData().isEmpty() ? null : v.livechatData());
  }

  static org.livechatcontract.model.User user(User u, URI base) {
    return new org.livechatcontract.model.User()
        .id(u.id())
        .username(u.username())
        .name(u.name())
        .emails(emails(u))
        .status(status(u.status()))
        .statusConnection(status(u.statusConnection()))
        .statusLivechat(u.hasRole(Roles.LIVECHAT_AGENT)
            ? org.livechatcontract.model.User.StatusLivechatEnum.fromValue(u.statusLivechat().wire()) : null)
        .utcOffset(BigDecimal.ZERO)
        .active(u.active())
        .roles(new ArrayList<>(sortedRoles(u)))
        .avatarUrl(avatarUrl(u, base));
  }

  static MeResponse me(User u, URI base) {
    return new MeResponse()
        .id(u.id())
        .username(u.username())
        .name(u.name())
        .emails(emails(u))
        .status(status(u.status()))
        .statusConnection(status(u.statusConnection()))
        .statusLivechat(u.hasRole(Roles.LIVECHAT_AGENT)
            ? MeResponse.StatusLivechatEnum.fromValue(u.statusLivechat().wire()) : null)
        .utcOffset(BigDecimal.ZERO)
        .active(u.active())
        .roles(new ArrayList<>(sortedRoles(u)))
        .avatarUrl(avatarUrl(u, base))
        .success(true);
  }

  static LivechatUser livechatUser(User u) {
    return new LivechatUser()
        .id(u.id())
        .username(u.username())
        .name(u.name())
        .emails(emails(u))
        .status(status(u.status()))
        .statusLivechat(u.hasRole(Roles.LIVECHAT_AGENT)
            ? LivechatUser.StatusLivechatEnum.fromValue(u.statusLivechat().wire()) : null);
  }

  static org.livechatcontract.model.Department department(Department d) {
    return new org.livechatcontract.model.Department()
        .id(d.id())
        .name(d.name())
        .enabled(d.enabled())
        .description(d.description())
        .showOnRegistration(d.showOnRegistration())
        .showOnOfflineForm(d.showOnOfflineForm())
        .email(d.email())
        .fallbackForwardDepartment(d.fallbackForwardDepartment())
        .numAgents(d.agents().size())
        .updatedAt(time(d.updatedAt()));
  }

  static List<DepartmentAgent> departmentAgents(Department d) {
    return d.agents().stream()
        .map(a -> new DepartmentAgent()
            .id(a.id())
            .agentId(a.agentId())
            .departmentId(d.id())
            .username(a.username())
            .count(a.count())
            .order(a.order())
            .departmentEnabled(d.enabled()))
        .toList();
  }

  static org.livechatcontract.model.Inquiry inquiry(Inquiry i) {
    return new org.livechatcontract.model.Inquiry()
        .id(i.id())
        .rid(i.roomId())
        .name(i.name())
        .ts(time(i.ts()))
        .department(i.department())
        .message("")
        .status(org.livechatcontract.model.Inquiry.StatusEnum.fromValue(i.state().wire()))
        .v(roomVisitor(i.visitor()))
        .t(org.livechatcontract.model.Inquiry.TEnum.L)
        .priorityWeight(i.priorityWeight())
        .estimatedWaitingTimeQueue(i.estimatedWaitingTimeQueue())
        .source(source(i.source()))
        .defaultAgent(i.defaultAgent() == null ? null
            : new InquiryAgent().agentId(i.defaultAgent().agentId()).username(i.defaultAgent().username()))
        .queuedAt(time(i.queuedAt()))
        .takenAt(time(i.takenAt()))
        .updatedAt(time(i.updatedAt()));
  }

  static org.livechatcontract.model.Permission permission(Permissions.Permission p) {
    return new org.livechatcontract.model.Permission()
        .id(p.id())
        .roles(p.roles().stream().sorted().toList())
        .updatedAt(time(p.updatedAt()));
  }

  private static List<UserEmail> emails(User u) {
    return u.email() == null ? null : List.of(new UserEmail().address(u.email()).verified(true));
  }

  private static List<String> sortedRoles(User u) {
    return u.roles().stream().sorted().toList();
  }

  private static String avatarUrl(User u, URI base) {
    return base.resolve("/avatar/" + u.username()).toString();
  }
}
