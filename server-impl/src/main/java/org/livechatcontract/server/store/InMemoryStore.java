package org.livechatcontract.server.store;

import java.time.Instant;
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
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.livechatcontract.server.domain.CustomField;
import org.livechatcontract.server.domain.Department;
import org.livechatcontract.server.domain.Inquiry;
import org.livechatcontract.server.domain.Message;
import org.livechatcontract.server.domain.OfflineMessage;
import org.livechatcontract.server.domain.StoredFile;
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

  private final ConcurrentMap<String, List<String>> roomIdsByToken = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Message> messages = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, RoomLog> messageLogByRoom = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, StoredFile> files = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, List<String>> fileIdsByRoom = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CustomField> customFields = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<OfflineMessage> offlineMessages = new ConcurrentLinkedDeque<>();

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
    visitors.compute(visitor.id(), (id, old) -> reindexed(id, old, visitor));
  }

  private Visitor reindexed(String id, Visitor old, Visitor visitor) {
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
    if (old == null) {
      roomIdsByToken.compute(room.visitor().token(), (t, ids) -> appended(ids, room.id()));
    }
    if (room.open()) {
      indexOpen(room);
    }
    return room;
  }

  private void indexOpen(Room room) {
    openRoomIdsByToken.compute(room.visitor().token(), (t, ids) -> appended(ids, room.id()));
    if (room.servedBy() != null) {
      openRoomCountByAgent.merge(room.servedBy().id(), 1, Integer::sum);
    }
  }

  private void unindexOpen(Room room) {
    openRoomIdsByToken.computeIfPresent(room.visitor().token(), (t, ids) -> without(ids, room.id()));
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

  // rooms: whole-life lookups and atomic changes

  @Override
  public List<Room> roomsByVisitorToken(String token) {
    List<String> ids = roomIdsByToken.get(token);
    if (ids == null) {
      return List.of();
    }
    List<Room> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      Room r = rooms.get(id);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public void deleteRoom(String id) {
    rooms.computeIfPresent(id, (k, old) -> {
      if (old.open()) {
        unindexOpen(old);
      }
      roomIdsByToken.computeIfPresent(old.visitor().token(), (t, ids) -> without(ids, id));
      return null;
    });
  }

  // visitors: atomic changes

  @Override
  public Optional<Visitor> updateVisitor(String id, UnaryOperator<Visitor> change) {
    return Optional.ofNullable(visitors.computeIfPresent(id, (k, old) -> reindexed(k, old, change.apply(old))));
  }

  // messages

  @Override
  public Optional<Message> messageById(String id) {
    return Optional.ofNullable(messages.get(id));
  }

  @Override
  public boolean addMessage(Message message) {
    RoomLog log = messageLogByRoom.computeIfAbsent(message.rid(), r -> new RoomLog());
    synchronized (log) {
      if (messages.putIfAbsent(message.id(), message) != null) {
        return false;
      }
      log.insert(message);
      return true;
    }
  }

  @Override
  public void replaceMessage(Message message) {
    messages.computeIfPresent(message.id(), (id, old) -> message);
  }

  @Override
  public void deleteMessage(String id) {
    Message m = messages.get(id);
    if (m == null) {
      return;
    }
    RoomLog log = messageLogByRoom.get(m.rid());
    if (log == null) {
      messages.remove(id);
      return;
    }
    synchronized (log) {
      if (messages.remove(id) != null) {
        log.remove(m);
      }
    }
  }

  @Override
  public List<Message> roomMessages(String rid, MessageQuery q) {
    RoomLog log = messageLogByRoom.get(rid);
    if (log == null) {
      return List.of();
    }
    synchronized (log) {
      return log.page(q);
    }
  }

  @Override
  public Optional<Message> lastWrittenMessage(String rid) {
    RoomLog log = messageLogByRoom.get(rid);
    if (log == null) {
      return Optional.empty();
    }
    synchronized (log) {
      for (int i = log.entries.size() - 1; i >= 0; i--) {
        Message m = messages.get(log.entries.get(i).id);
        if (m != null && m.countsInRoom()) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  @Override
  public void deleteMessagesOfRoom(String rid) {
    RoomLog log = messageLogByRoom.remove(rid);
    if (log != null) {
      synchronized (log) {
        log.entries.forEach(e -> messages.remove(e.id));
      }
    }
  }

  /** One room's message ids in {@code ts} order, with their times for binary search. */
  private final class RoomLog {
    private record Entry(String id, Instant ts) {}

    final List<Entry> entries = new ArrayList<>();

    void insert(Message m) {
      int i = entries.size();
      while (i > 0 && entries.get(i - 1).ts.isAfter(m.ts())) {
        i--; // messages arrive in ts order; this only guards against a clock that moved back
      }
      entries.add(i, new Entry(m.id(), m.ts()));
    }

    void remove(Message m) {
      for (int i = firstAtOrAfter(m.ts()); i < entries.size(); i++) {
        if (entries.get(i).id.equals(m.id())) {
          entries.remove(i);
          return;
        }
      }
    }

    /** The index of the first entry whose ts is not before {@code t}. */
    int firstAtOrAfter(Instant t) {
      int lo = 0;
      int hi = entries.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (entries.get(mid).ts.isBefore(t)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    List<Message> page(MessageQuery q) {
      int end = q.before() == null ? entries.size() : firstAtOrAfter(q.before()); // exclusive
      String needle = q.searchText() == null || q.searchText().isEmpty() ? null : q.searchText().toLowerCase(Locale.ROOT);
      int limit = q.limit() <= 0 ? Integer.MAX_VALUE : q.limit();
      List<Message> out = new ArrayList<>(Math.min(limit, 64));
      int skipped = 0;
      for (int n = 0; n < end && out.size() < limit; n++) {
        int i = q.oldestFirst() ? n : end - 1 - n;
        Message m = messages.get(entries.get(i).id);
        if (m == null || m.hidden() || (needle != null && !m.msg().toLowerCase(Locale.ROOT).contains(needle))) {
          continue;
        }
        if (skipped < q.offset()) {
          skipped++;
          continue;
        }
        out.add(m);
      }
      return out;
    }
  }

  // uploaded files

  @Override
  public void saveFile(StoredFile file) {
    files.put(file.id(), file);
    fileIdsByRoom.compute(file.rid(), (r, ids) -> appended(ids, file.id()));
  }

  @Override
  public Optional<StoredFile> fileById(String id) {
    return Optional.ofNullable(files.get(id));
  }

  @Override
  public void deleteFile(String id) {
    StoredFile f = files.remove(id);
    if (f != null) {
      fileIdsByRoom.computeIfPresent(f.rid(), (r, ids) -> without(ids, id));
    }
  }

  @Override
  public void deleteFilesOfRoom(String rid) {
    List<String> ids = fileIdsByRoom.remove(rid);
    if (ids != null) {
      ids.forEach(files::remove);
    }
  }

  // custom fields

  @Override
  public void saveCustomField(CustomField field) {
    customFields.put(field.id(), field);
  }

  @Override
  public Optional<CustomField> customFieldById(String id) {
    return Optional.ofNullable(customFields.get(id));
  }

  @Override
  public List<CustomField> customFields() {
    return customFields.values().stream().sorted(Comparator.comparing(CustomField::id)).toList();
  }

  // offline messages

  @Override
  public void saveOfflineMessage(OfflineMessage message) {
    offlineMessages.addFirst(message);
  }

  @Override
  public List<OfflineMessage> offlineMessages() {
    return List.copyOf(offlineMessages);
  }

  private static List<String> appended(List<String> ids, String id) {
    List<String> next = ids == null ? new ArrayList<>(1) : new ArrayList<>(ids);
    next.add(id);
    return List.copyOf(next);
  }

  private static List<String> without(List<String> ids, String id) {
    List<String> next = new ArrayList<>(ids);
    next.remove(id);
    return next.isEmpty() ? null : List.copyOf(next);
  }
}
