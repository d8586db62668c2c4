package org.livechatcontract.server.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.livechatcontract.server.domain.Department;
import org.livechatcontract.server.domain.Inquiry;
import org.livechatcontract.server.domain.Roles;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.domain.Visitor;

/**
 * The default store: everything in concurrent hash maps, with a secondary index for every lookup.
 *
 * <p>Each save runs inside {@code compute} on the primary map, so the record and its index entries
 * change together for that key.
 */
public final class InMemoryStore implements LivechatStore {
  private final ConcurrentMap<String, User> users = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> userIdByUsername = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> userIdByEmail = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> userIdByTokenHash = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Set<String>> userIdsByRole = new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Inquiry> inquiries = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> inquiryIdByRoomId = new ConcurrentHashMap<>();
  private final Set<String> queuedInquiryIds = ConcurrentHashMap.newKeySet();

  private final ConcurrentMap<String, Visitor> visitors = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> visitorIdByToken = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> visitorIdByPhone = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> visitorIdByEmail = new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, List<String>> openRoomIdsByToken = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Integer> openRoomCountByAgent = new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Department> departments = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> departmentIdByName = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Long> departmentOrder = new ConcurrentHashMap<>();
  private final AtomicLong departmentSequence = new AtomicLong();
  private final ConcurrentMap<String, Set<String>> departmentIdsByAgent = new ConcurrentHashMap<>();

  // users

  @Override
  public Optional<User> userById(String id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public Optional<User> userByUsername(String username) {
    return byIndex(userIdByUsername, fold(username), users);
  }

  @Override
  public Optional<User> userByEmail(String email) {
    return byIndex(userIdByEmail, fold(email), users);
  }

  @Override
  public Optional<User> userByLoginTokenHash(String tokenHash) {
    return byIndex(userIdByTokenHash, tokenHash, users);
  }

  @Override
  public List<User> agents() {
    return usersWithRole(Roles.LIVECHAT_AGENT);
  }

  @Override
  public List<User> usersWithRole(String role) {
    return byIds(userIdsByRole.getOrDefault(role, Set.of()), users);
  }

  @Override
  public void saveUser(User user) {
    users.compute(user.id(), (id, old) -> reindex(old, user));
  }

  @Override
  public Optional<User> updateUser(String id, UnaryOperator<User> change) {
    return Optional.ofNullable(users.computeIfPresent(id, (k, old) -> reindex(old, change.apply(old))));
  }

  /** Moves the user's index entries from {@code old} (null for a new user) to {@code user}; runs inside compute. */
  private User reindex(User old, User user) {
    String id = user.id();
    if (old != null) {
      userIdByUsername.remove(fold(old.username()), id);
      if (old.email() != null) {
        userIdByEmail.remove(fold(old.email()), id);
      }
      old.loginTokens().forEach(t -> userIdByTokenHash.remove(t, id));
      old.roles().forEach(r -> userIdsByRole.computeIfPresent(r, (k, ids) -> without(ids, id)));
    }
    user.loginTokens().forEach(t -> userIdByTokenHash.put(t, id));
    userIdByUsername.put(fold(user.username()), id);
    if (user.email() != null) {
      userIdByEmail.put(fold(user.email()), id);
    }
    user.roles().forEach(r -> userIdsByRole.merge(r, Set.of(id), InMemoryStore::union));
    return user;
  }

  // inquiries

  @Override
  public Optional<Inquiry> inquiryById(String id) {
    return Optional.ofNullable(inquiries.get(id));
  }

  @Override
  public Optional<Inquiry> inquiryByRoomId(String roomId) {
    return byIndex(inquiryIdByRoomId, roomId, inquiries);
  }

  @Override
  public List<Inquiry> queuedInquiries() {
    List<Inquiry> out = byIds(queuedInquiryIds, inquiries);
    out.removeIf(i -> i.state() != Inquiry.State.QUEUED);
    out.sort(Comparator.comparing(Inquiry::ts).thenComparing(Inquiry::id));
    return out;
  }

  @Override
  public void saveInquiry(Inquiry inquiry) {
    inquiries.compute(inquiry.id(), (id, old) -> {
      inquiryIdByRoomId.put(inquiry.roomId(), id);
      if (inquiry.state() == Inquiry.State.QUEUED) {
        queuedInquiryIds.add(id);
      } else {
        queuedInquiryIds.remove(id);
      }
      return inquiry;
    });
  }

  @Override
  public void removeInquiry(String id) {
    inquiries.computeIfPresent(id, (k, old) -> {
      inquiryIdByRoomId.remove(old.roomId(), id);
      queuedInquiryIds.remove(id);
      return null;
    });
  }

  // visitors

  @Override
  public Optional<Visitor> visitorById(String id) {
    return Optional.ofNullable(visitors.get(id));
  }

  @Override
  public Optional<Visitor> visitorByToken(String token) {
    return byIndex(visitorIdByToken, token, visitors);
  }

  @Override
  public Optional<Visitor> visitorByPhone(String phone) {
    return byIndex(visitorIdByPhone, phone, visitors);
  }

  @Override
  public Optional<Visitor> visitorByEmail(String email) {
    return byIndex(visitorIdByEmail, fold(email), visitors);
  }

  @Override
  public void saveVisitor(Visitor visitor) {
    visitors.compute(visitor.id(), (id, old) -> {
      if (old != null) {
        if (old.token() != null) {
          visitorIdByToken.remove(old.token(), id);
        }
        old.phones().forEach(p -> visitorIdByPhone.remove(p, id));
        old.emails().forEach(e -> visitorIdByEmail.remove(fold(e), id));
      }
      if (visitor.token() != null) {
        visitorIdByToken.put(visitor.token(), id);
      }
      visitor.phones().forEach(p -> visitorIdByPhone.put(p, id));
      visitor.emails().forEach(e -> visitorIdByEmail.put(fold(e), id));
      return visitor;
    });
  }

  // rooms

  @Override
  public Optional<Room> roomById(String id) {
    return Optional.ofNullable(rooms.get(id));
  }

  @Override
  public List<Room> openRoomsByVisitorToken(String token) {
    List<String> ids = openRoomIdsByToken.get(token);
    if (ids == null) {
      return List.of();
    }
    List<Room> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      Room r = rooms.get(id);
      if (r != null && r.open()) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public int openRoomCountByAgent(String agentId) {
    return openRoomCountByAgent.getOrDefault(agentId, 0);
  }

  @Override
  public void saveRoom(Room room) {
    rooms.compute(room.id(), (id, old) -> reindexed(old, room));
  }

  @Override
  public Optional<Room> updateRoom(String id, UnaryOperator<Room> change) {
    return Optional.ofNullable(rooms.computeIfPresent(id, (k, old) -> reindexed(old, change.apply(old))));
  }

  /** Moves the room's open-room index entries from {@code old} (null for a new room) to {@code room}. */
  private Room reindexed(Room old, Room room) {
    if (old != null && old.open()) {
      unindexOpen(old);
    }
    if (room.open()) {
      indexOpen(room);
    }
    return room;
  }

  private void indexOpen(Room room) {
    openRoomIdsByToken.compute(room.visitor().token(), (t, ids) -> {
      List<String> next = ids == null ? new ArrayList<>(1) : new ArrayList<>(ids);
      next.add(room.id());
      return List.copyOf(next);
    });
    if (room.servedBy() != null) {
      openRoomCountByAgent.merge(room.servedBy().id(), 1, Integer::sum);
    }
  }

  private void unindexOpen(Room room) {
    openRoomIdsByToken.computeIfPresent(room.visitor().token(), (t, ids) -> {
      List<String> next = new ArrayList<>(ids);
      next.remove(room.id());
      return next.isEmpty() ? null : List.copyOf(next);
    });
    if (room.servedBy() != null) {
      openRoomCountByAgent.computeIfPresent(room.servedBy().id(), (a, n) -> n <= 1 ? null : n - 1);
    }
  }

  @Override
  public long roomCount() {
    return rooms.size();
  }

  // departments

  @Override
  public Optional<Department> departmentById(String id) {
    return Optional.ofNullable(departments.get(id));
  }

  @Override
  public Optional<Department> departmentByIdOrName(String idOrName) {
    Department byId = departments.get(idOrName);
    if (byId != null) {
      return Optional.of(byId);
    }
    return byIndex(departmentIdByName, idOrName, departments);
  }

  @Override
  public List<Department> departments() {
    List<Department> out = new ArrayList<>(departments.values());
    out.sort(Comparator.comparingLong(d -> departmentOrder.getOrDefault(d.id(), Long.MAX_VALUE)));
    return out;
  }

  @Override
  public List<Department> departmentsOfAgent(String agentId) {
    return byIds(departmentIdsByAgent.getOrDefault(agentId, Set.of()), departments);
  }

  @Override
  public void saveDepartment(Department department) {
    departments.compute(department.id(), (id, old) -> {
      if (old != null) {
        unindexDepartment(old);
      }
      departmentOrder.computeIfAbsent(id, k -> departmentSequence.incrementAndGet());
      departmentIdByName.put(department.name(), id);
      department.agents().forEach(a -> departmentIdsByAgent.merge(a.agentId(), Set.of(id), InMemoryStore::union));
      return department;
    });
  }

  @Override
  public void removeDepartment(String id) {
    departments.computeIfPresent(id, (k, old) -> {
      unindexDepartment(old);
      departmentOrder.remove(id);
      return null;
    });
  }

  private void unindexDepartment(Department old) {
    departmentIdByName.remove(old.name(), old.id());
    old.agents().forEach(a -> departmentIdsByAgent.computeIfPresent(a.agentId(), (k, ids) -> without(ids, old.id())));
  }

  private static <T> List<T> byIds(Collection<String> ids, ConcurrentMap<String, T> primary) {
    List<T> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      T t = primary.get(id);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }

  /** The set without the id, or null (which drops the map entry) when nothing is left. */
  private static Set<String> without(Set<String> ids, String id) {
    Set<String> out = new HashSet<>(ids);
    out.remove(id);
    return out.isEmpty() ? null : Set.copyOf(out);
  }

  private static <T> Optional<T> byIndex(ConcurrentMap<String, String> index, String key, ConcurrentMap<String, T> primary) {
    if (key == null) {
      return Optional.empty();
    }
    String id = index.get(key);
    return id == null ? Optional.empty() : Optional.ofNullable(primary.get(id));
  }

  private static String fold(String s) {
    return Objects.requireNonNull(s).toLowerCase(Locale.ROOT);
  }
}
