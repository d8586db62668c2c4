package org.livechatcontract.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.livechatcontract.server.domain.Department;
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
  private final ConcurrentMap<String, Boolean> agentIds = new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Visitor> visitors = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> visitorIdByToken = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> visitorIdByPhone = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> visitorIdByEmail = new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, List<String>> openRoomIdsByToken = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Integer> openRoomCountByAgent = new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Department> departments = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> departmentIdByName = new ConcurrentHashMap<>();

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
    List<User> out = new ArrayList<>(agentIds.size());
    for (String id : agentIds.keySet()) {
      User u = users.get(id);
      if (u != null) {
        out.add(u);
      }
    }
    return out;
  }

  @Override
  public void saveUser(User user) {
    users.compute(user.id(), (id, old) -> {
      if (old != null) {
        userIdByUsername.remove(fold(old.username()), id);
        if (old.email() != null) {
          userIdByEmail.remove(fold(old.email()), id);
        }
        old.loginTokens().forEach(t -> userIdByTokenHash.remove(t, id));
      }
      user.loginTokens().forEach(t -> userIdByTokenHash.put(t, id));
      userIdByUsername.put(fold(user.username()), id);
      if (user.email() != null) {
        userIdByEmail.put(fold(user.email()), id);
      }
      if (user.hasRole(Roles.LIVECHAT_AGENT)) {
        agentIds.put(id, Boolean.TRUE);
      } else {
        agentIds.remove(id);
      }
      return user;
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
    rooms.compute(room.id(), (id, old) -> {
      if (old != null && old.open()) {
        unindexOpen(old);
      }
      if (room.open()) {
        indexOpen(room);
      }
      return room;
    });
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
  public Optional<Department> departmentByIdOrName(String idOrName) {
    Department byId = departments.get(idOrName);
    if (byId != null) {
      return Optional.of(byId);
    }
    return byIndex(departmentIdByName, idOrName, departments);
  }

  @Override
  public void saveDepartment(Department department) {
    departments.compute(department.id(), (id, old) -> {
      if (old != null) {
        departmentIdByName.remove(old.name(), id);
      }
      departmentIdByName.put(department.name(), id);
      return department;
    });
  }

  // the whole state

  @Override
  public List<User> allUsers() {
    return List.copyOf(users.values());
  }

  @Override
  public List<Visitor> allVisitors() {
    return List.copyOf(visitors.values());
  }

  @Override
  public List<Room> allRooms() {
    return List.copyOf(rooms.values());
  }

  @Override
  public List<Department> allDepartments() {
    return List.copyOf(departments.values());
  }

  @Override
  public void clear() {
    for (java.util.Map<?, ?> m : List.<java.util.Map<?, ?>>of(users, userIdByUsername, userIdByEmail, userIdByTokenHash,
        agentIds, visitors, visitorIdByToken, visitorIdByPhone, visitorIdByEmail, rooms, openRoomIdsByToken,
        openRoomCountByAgent, departments, departmentIdByName)) {
      m.clear();
    }
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
