package org.livechatcontract.server.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.livechatcontract.server.domain.ChangeLog;
import org.livechatcontract.server.domain.CustomField;
import org.livechatcontract.server.domain.Department;
import org.livechatcontract.server.domain.Inquiry;
import org.livechatcontract.server.domain.LivechatError;
import org.livechatcontract.server.domain.Message;
import org.livechatcontract.server.domain.OfflineMessage;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.domain.Stripes;
import org.livechatcontract.server.domain.StoredFile;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.domain.Visitor;
import org.livechatcontract.server.store.journal.Journal;
import org.livechatcontract.server.store.journal.JournalException;
import org.livechatcontract.server.store.journal.StateCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store of {@code --data-file}: an {@link InMemoryStore} whose every change is also journaled, and
 * kept on disk before the call that made it returns.
 *
 * <p>What is journaled is the resulting record, not the operation: a save or an update journals the
 * record as it is after the change ({@code update*} runs its lambda once, in memory, and journals what it
 * returned), a delete journals the id. Replaying puts each record back with the same store method, so a
 * replay never runs domain logic again and gives the same state whatever the clock or the ids say.
 *
 * <p>Order: each change takes the lock of its key's stripe, reserves its place in the journal, applies
 * the change in memory, and leaves the lock; the record is encoded into its place and the call waits
 * for the fsync of the batch holding it. Changes to one key are so journaled in the order memory saw
 * them, and a change that anyone could observe has its place before any change made after observing it:
 * when a write is on disk, everything it could have depended on is too.
 *
 * <p>Outside a request every call waits for its own record. An HTTP request may instead defer the
 * waits to its end ({@link #deferWaits}, {@link #awaitDeferred}): the answer is still sent only once all
 * of the request's writes are on disk.
 *
 * <p>A read/write lock lets writers share the journal and gives compaction (a snapshot of the whole
 * state, then an empty journal) the state to itself. A failed write to the disk stops all further
 * writes: memory already holds a change the disk does not, so the server answers every later write with
 * an error rather than acknowledge what it cannot keep.
 */
public final class DurableStore implements LivechatStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DurableStore.class);

  /** Where to keep the state and when to compact the journal. */
  public record Options(Path file, long compactAfterBytes) {
    public static final long DEFAULT_COMPACT_AFTER = 64L * 1024 * 1024;

    public static Options at(Path file) {
      return new Options(file, DEFAULT_COMPACT_AFTER);
    }
  }

  /** A setting's value, as journaled. */
  public record SettingValue(String id, Object value) {}

  /** Where replayed records go: the store, and the settings and permissions the services are built with later. */
  static final class Replay {
    final InMemoryStore memory;
    final Map<String, Object> settings = new LinkedHashMap<>();
    final Map<String, Permissions.Permission> permissions = new LinkedHashMap<>();

    Replay(InMemoryStore memory) {
      this.memory = memory;
    }

    void putMessage(Message m) {
      if (!memory.addMessage(m)) {
        memory.replaceMessage(m);
      }
    }
  }

  static final StateCodec<Replay> CODEC = new StateCodec<Replay>()
      .register("user", User.class, (r, v) -> r.memory.saveUser(v))
      .register("customField", CustomField.class, (r, v) -> r.memory.saveCustomField(v))
      .register("department", Department.class, (r, v) -> r.memory.saveDepartment(v))
      .register("department.delete", String.class, (r, id) -> r.memory.removeDepartment(id))
      .register("visitor", Visitor.class, (r, v) -> r.memory.saveVisitor(v))
      .register("room", Room.class, (r, v) -> r.memory.saveRoom(v))
      .register("room.delete", String.class, (r, id) -> r.memory.deleteRoom(id))
      .register("inquiry", Inquiry.class, (r, v) -> r.memory.saveInquiry(v))
      .register("inquiry.delete", String.class, (r, id) -> r.memory.removeInquiry(id))
      .register("message", Message.class, Replay::putMessage)
      .register("message.delete", String.class, (r, id) -> r.memory.deleteMessage(id))
      .register("room.messages.delete", String.class, (r, rid) -> r.memory.deleteMessagesOfRoom(rid))
      .register("file", StoredFile.class, (r, v) -> r.memory.saveFile(v))
      .register("file.delete", String.class, (r, id) -> r.memory.deleteFile(id))
      .register("room.files.delete", String.class, (r, rid) -> r.memory.deleteFilesOfRoom(rid))
      .register("clear", String.class, (r, all) -> r.memory.clear())
      .register("offlineMessage", OfflineMessage.class, (r, v) -> r.memory.saveOfflineMessage(v))
      .register("setting", SettingValue.class, (r, v) -> r.settings.put(v.id(), v.value()))
      .register("permission", Permissions.Permission.class, (r, v) -> r.permissions.put(v.id(), v));

  private final InMemoryStore memory;
  private final Journal journal;
  private final Replay replayed;
  private final Options options;
  private final Stripes stripes = new Stripes(256);
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private final AtomicBoolean compacting = new AtomicBoolean();
  private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "journal-compactor");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean journaling;
  private volatile boolean closed;
  private volatile Throwable failed;
  private volatile Settings settings;
  private volatile Permissions permissions;

  private DurableStore(InMemoryStore memory, Journal journal, Replay replayed, Options options) {
    this.memory = memory;
    this.journal = journal;
    this.replayed = replayed;
    this.options = options;
  }

  /**
   * Takes ownership of the data file and replays it into memory.
   *
   * @throws JournalException when another server owns the file, or it is corrupt before its last record
   */
  public static DurableStore open(Options options) {
    InMemoryStore memory = new InMemoryStore();
    Replay replay = new Replay(memory);
    Journal journal = Journal.open(options.file(), payload -> CODEC.apply(payload, replay));
    Journal.Recovery r = journal.recovery();
    if (r.droppedTail() != null) {
      LOG.warn("data file {}: dropped a torn last record, a write that never completed ({})", options.file(),
          r.droppedTail());
    }
    if (r.skippedCompacted()) {
      LOG.warn("data file {}: the journal had been compacted into the snapshot already and was skipped",
          options.file());
    }
    LOG.info("data file {}: {} records from the snapshot, {} from the journal", options.file(),
        r.snapshotRecords(), r.journalRecords());
    return new DurableStore(memory, journal, replay, options);
  }

  /** What opening the data file found. */
  public Journal.Recovery recovery() {
    return journal.recovery();
  }

  /** True when the data file held nothing: the fixture is the state to start from. */
  public boolean fresh() {
    return journal.recovery().snapshotRecords() == 0 && journal.recovery().journalRecords() == 0;
  }

  /** Puts the replayed settings and permissions into the services' own (before {@link #startJournaling}). */
  public void restore(Settings s, Permissions p) {
    replayed.settings.forEach((id, value) -> {
      try {
        s.set(id, value);
      } catch (LivechatError e) {
        LOG.warn("data file {}: setting {} ignored: {}", options.file(), id, e.getMessage());
      }
    });
    replayed.permissions.values().forEach(p::restore);
    replayed.settings.clear();
    replayed.permissions.clear();
  }

  /**
   * From now on every change is journaled, settings and permissions included. A fresh data file first
   * gets a snapshot of the state so far (the fixture), so the fixture is kept whole or not at all.
   */
  public void startJournaling(Settings s, Permissions p) {
    this.settings = s;
    this.permissions = p;
    if (fresh()) {
      compactNow();
    }
    journaling = true;
    ChangeLog log = new ChangeLog() {
      @Override
      public Kept settingChanged(String id, Object value) {
        return journaled(CODEC.encode("setting", new SettingValue(id, value)));
      }

      @Override
      public Kept permissionChanged(Permissions.Permission permission) {
        return journaled(CODEC.encode("permission", permission));
      }
    };
    s.keepChangesIn(log);
    p.keepChangesIn(log);
  }

  /** Journals a change already applied by its caller (settings, permissions), who holds that key's order. */
  private ChangeLog.Kept journaled(byte[] payload) {
    usable();
    gate.readLock().lock();
    Journal.Slot slot;
    try {
      slot = journal.reserve();
      slot.fill(payload);
    } finally {
      gate.readLock().unlock();
    }
    return () -> awaitOrDefer(slot);
  }

  /** A change's result, and the record to journal for it (null: nothing changed). */
  private record Outcome<T>(T result, String type, Object record) {
    static <T> Outcome<T> none(T result) {
      return new Outcome<>(result, null, null);
    }
  }

  /** Applies a change under its key's stripe, journals its record in the same order, and waits for the disk. */
  private <T> T write(String key, Supplier<Outcome<T>> change) {
    usable();
    if (!journaling) {
      return change.get().result(); // the fixture, before the first snapshot
    }
    Journal.Slot slot;
    Outcome<T> out;
    gate.readLock().lock();
    try {
      synchronized (stripes.of(key)) {
        slot = journal.reserve();
        try {
          out = change.get();
        } catch (RuntimeException | Error e) {
          slot.cancel();
          throw e;
        }
      }
      if (out.record() == null) {
        slot.cancel();
      } else {
        try {
          slot.fill(CODEC.encode(out.type(), out.record()));
        } catch (RuntimeException e) {
          slot.cancel();
          fail(e);
          throw e;
        }
      }
    } finally {
      gate.readLock().unlock();
    }
    if (out.record() != null) {
      awaitOrDefer(slot);
    }
    return out.result();
  }

  /** The writes of this thread's request so far, while it defers its waits; null otherwise. */
  private final ThreadLocal<Journal.Slot[]> deferred = new ThreadLocal<>();

  /**
   * Starts a request whose writes do not wait for the disk one by one: each returns once applied and
   * queued, and {@link #awaitDeferred} waits once, for the last of them, before the answer is sent. The
   * journal writes in order, so the last one on disk means all of them are. A request that writes twice
   * (a message and its room) so waits for one {@code fsync}, not two, and holds no domain lock meanwhile.
   */
  public void deferWaits() {
    deferred.set(new Journal.Slot[1]);
  }

  /** Ends what {@link #deferWaits} started: returns once every write of this thread's request is on disk. */
  public void awaitDeferred() {
    Journal.Slot[] last = deferred.get();
    deferred.remove();
    if (last != null && last[0] != null) {
      await(last[0]);
      compactIfDue();
    }
  }

  private void awaitOrDefer(Journal.Slot slot) {
    Journal.Slot[] last = deferred.get();
    if (last != null) {
      last[0] = slot;
      return;
    }
    await(slot);
    compactIfDue();
  }

  private void write(String key, String type, Object record, Runnable apply) {
    write(key, () -> {
      apply.run();
      return new Outcome<>(null, type, record);
    });
  }

  private void usable() {
    if (closed) {
      throw new JournalException("the data file " + options.file() + " is closed; no further change is accepted");
    }
    Throwable f = failed;
    if (f != null) {
      throw new JournalException("the data file " + options.file() + " could not be written (" + f.getMessage()
          + "); no further change is accepted", f);
    }
  }

  private void fail(Throwable e) {
    if (failed == null) {
      failed = e;
      LOG.error("data file {}: a write failed; no further change is accepted", options.file(), e);
    }
  }

  private void await(Journal.Slot slot) {
    try {
      slot.written().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalException("interrupted while waiting for " + options.file() + " to reach the disk", e);
    } catch (ExecutionException e) {
      fail(e.getCause());
      throw new JournalException("cannot write " + options.file() + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private void compactIfDue() {
    if (journal.size() > options.compactAfterBytes() && compacting.compareAndSet(false, true)) {
      compactor.execute(() -> {
        try {
          compactNow();
        } catch (RuntimeException e) {
          fail(e);
        } finally {
          compacting.set(false);
        }
      });
    }
  }

  /** Writes a snapshot of the whole state and empties the journal, with writes paused meanwhile. */
  public void compactNow() {
    gate.writeLock().lock();
    try {
      List<byte[]> records = new ArrayList<>();
      Settings s = settings;
      if (s != null) {
        s.values().forEach((id, value) -> records.add(CODEC.encode("setting", new SettingValue(id, value))));
      }
      Permissions p = permissions;
      if (p != null) {
        p.all().forEach(perm -> records.add(CODEC.encode("permission", perm)));
      }
      memory.forEachRecord(r -> records.add(CODEC.encode(r)));
      long before = journal.size();
      journal.compact(records);
      LOG.info("data file {}: compacted a journal of {} bytes into a snapshot of {} records", options.file(), before,
          records.size());
    } finally {
      gate.writeLock().unlock();
    }
  }

  /** Writes a snapshot (unless a write failed) and gives up the data file. */
  @Override
  public void close() {
    try {
      compactor.shutdown();
      compactor.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
      if (failed == null && journaling) {
        compactNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closed = true;
      journal.close();
    }
  }

  // bulk changes (the stub's reset and loaded documents)

  /** Empties the store; the journal records it, so a replay empties it at the same point. */
  @Override
  public void clear() {
    usable();
    gate.writeLock().lock();
    try {
      memory.clear();
      if (journaling) {
        await(reserveFilled(CODEC.encode("clear", "all")));
      }
    } finally {
      gate.writeLock().unlock();
    }
  }

  @Override
  public void checkpoint() {
    if (journaling) {
      compactNow();
    }
  }

  private Journal.Slot reserveFilled(byte[] payload) {
    Journal.Slot slot = journal.reserve();
    slot.fill(payload);
    return slot;
  }

  @Override
  public List<User> allUsers() {
    return memory.allUsers();
  }

  @Override
  public List<Visitor> allVisitors() {
    return memory.allVisitors();
  }

  @Override
  public List<Room> allRooms() {
    return memory.allRooms();
  }

  @Override
  public List<Inquiry> allInquiries() {
    return memory.allInquiries();
  }

  @Override
  public List<Message> allMessages() {
    return memory.allMessages();
  }

  @Override
  public List<StoredFile> allFiles() {
    return memory.allFiles();
  }

  // users

  @Override
  public Optional<User> userById(String id) {
    return memory.userById(id);
  }

  @Override
  public Optional<User> userByUsername(String username) {
    return memory.userByUsername(username);
  }

  @Override
  public Optional<User> userByEmail(String email) {
    return memory.userByEmail(email);
  }

  @Override
  public Optional<User> userByLoginTokenHash(String tokenHash) {
    return memory.userByLoginTokenHash(tokenHash);
  }

  @Override
  public List<User> agents() {
    return memory.agents();
  }

  @Override
  public List<User> usersWithRole(String role) {
    return memory.usersWithRole(role);
  }

  @Override
  public void saveUser(User user) {
    write("u:" + user.id(), "user", user, () -> memory.saveUser(user));
  }

  @Override
  public Optional<User> updateUser(String id, UnaryOperator<User> change) {
    return write("u:" + id, () -> updated(memory.updateUser(id, change), "user"));
  }

  private static <T> Outcome<Optional<T>> updated(Optional<T> result, String type) {
    return result.isPresent() ? new Outcome<>(result, type, result.get()) : Outcome.none(result);
  }

  // inquiries

  @Override
  public Optional<Inquiry> inquiryById(String id) {
    return memory.inquiryById(id);
  }

  @Override
  public Optional<Inquiry> inquiryByRoomId(String roomId) {
    return memory.inquiryByRoomId(roomId);
  }

  @Override
  public List<Inquiry> queuedInquiries() {
    return memory.queuedInquiries();
  }

  @Override
  public void saveInquiry(Inquiry inquiry) {
    write("i:" + inquiry.id(), "inquiry", inquiry, () -> memory.saveInquiry(inquiry));
  }

  @Override
  public void removeInquiry(String id) {
    write("i:" + id, "inquiry.delete", id, () -> memory.removeInquiry(id));
  }

  // visitors

  @Override
  public Optional<Visitor> visitorById(String id) {
    return memory.visitorById(id);
  }

  @Override
  public Optional<Visitor> visitorByToken(String token) {
    return memory.visitorByToken(token);
  }

  @Override
  public Optional<Visitor> visitorByPhone(String phone) {
    return memory.visitorByPhone(phone);
  }

  @Override
  public Optional<Visitor> visitorByEmail(String email) {
    return memory.visitorByEmail(email);
  }

  @Override
  public void saveVisitor(Visitor visitor) {
    write("v:" + visitor.id(), "visitor", visitor, () -> memory.saveVisitor(visitor));
  }

  @Override
  public Optional<Visitor> updateVisitor(String id, UnaryOperator<Visitor> change) {
    return write("v:" + id, () -> updated(memory.updateVisitor(id, change), "visitor"));
  }

  // rooms

  @Override
  public Optional<Room> roomById(String id) {
    return memory.roomById(id);
  }

  @Override
  public List<Room> openRoomsByVisitorToken(String token) {
    return memory.openRoomsByVisitorToken(token);
  }

  @Override
  public int openRoomCountByAgent(String agentId) {
    return memory.openRoomCountByAgent(agentId);
  }

  @Override
  public void saveRoom(Room room) {
    write("r:" + room.id(), "room", room, () -> memory.saveRoom(room));
  }

  @Override
  public Optional<Room> updateRoom(String id, UnaryOperator<Room> change) {
    return write("r:" + id, () -> updated(memory.updateRoom(id, change), "room"));
  }

  @Override
  public long roomCount() {
    return memory.roomCount();
  }

  @Override
  public List<Room> roomsByVisitorToken(String token) {
    return memory.roomsByVisitorToken(token);
  }

  @Override
  public void deleteRoom(String id) {
    write("r:" + id, "room.delete", id, () -> memory.deleteRoom(id));
  }

  // departments

  @Override
  public Optional<Department> departmentById(String id) {
    return memory.departmentById(id);
  }

  @Override
  public Optional<Department> departmentByIdOrName(String idOrName) {
    return memory.departmentByIdOrName(idOrName);
  }

  @Override
  public List<Department> departments() {
    return memory.departments();
  }

  @Override
  public List<Department> departmentsOfAgent(String agentId) {
    return memory.departmentsOfAgent(agentId);
  }

  @Override
  public void saveDepartment(Department department) {
    write("d:" + department.id(), "department", department, () -> memory.saveDepartment(department));
  }

  @Override
  public void removeDepartment(String id) {
    write("d:" + id, "department.delete", id, () -> memory.removeDepartment(id));
  }

  // messages: a room's messages share its key, so a room's deletion and its messages keep their order

  @Override
  public Optional<Message> messageById(String id) {
    return memory.messageById(id);
  }

  @Override
  public boolean addMessage(Message message) {
    return write("m:" + message.rid(), () -> {
      boolean added = memory.addMessage(message);
      return added ? new Outcome<>(true, "message", message) : Outcome.none(false);
    });
  }

  @Override
  public void replaceMessage(Message message) {
    write("m:" + message.rid(), () -> {
      if (memory.messageById(message.id()).isEmpty()) {
        return Outcome.none(null);
      }
      memory.replaceMessage(message);
      return new Outcome<>(null, "message", message);
    });
  }

  @Override
  public void deleteMessage(String id) {
    Optional<Message> m = memory.messageById(id);
    if (m.isEmpty()) {
      return;
    }
    String rid = m.get().rid();
    write("m:" + rid, () -> {
      Optional<Message> now = memory.messageById(id);
      if (now.isEmpty() || !now.get().rid().equals(rid)) {
        return Outcome.none(null); // gone meanwhile
      }
      memory.deleteMessage(id);
      return new Outcome<>(null, "message.delete", id);
    });
  }

  @Override
  public List<Message> roomMessages(String rid, MessageQuery query) {
    return memory.roomMessages(rid, query);
  }

  @Override
  public Optional<Message> lastWrittenMessage(String rid) {
    return memory.lastWrittenMessage(rid);
  }

  @Override
  public void deleteMessagesOfRoom(String rid) {
    write("m:" + rid, "room.messages.delete", rid, () -> memory.deleteMessagesOfRoom(rid));
  }

  // uploaded files

  @Override
  public void saveFile(StoredFile file) {
    write("f:" + file.rid(), "file", file, () -> memory.saveFile(file));
  }

  @Override
  public Optional<StoredFile> fileById(String id) {
    return memory.fileById(id);
  }

  @Override
  public void deleteFile(String id) {
    Optional<StoredFile> f = memory.fileById(id);
    if (f.isPresent()) {
      write("f:" + f.get().rid(), "file.delete", id, () -> memory.deleteFile(id));
    }
  }

  @Override
  public void deleteFilesOfRoom(String rid) {
    write("f:" + rid, "room.files.delete", rid, () -> memory.deleteFilesOfRoom(rid));
  }

  // custom fields

  @Override
  public void saveCustomField(CustomField field) {
    write("c:" + field.id(), "customField", field, () -> memory.saveCustomField(field));
  }

  @Override
  public Optional<CustomField> customFieldById(String id) {
    return memory.customFieldById(id);
  }

  @Override
  public List<CustomField> customFields() {
    return memory.customFields();
  }

  // offline messages

  @Override
  public void saveOfflineMessage(OfflineMessage message) {
    write("o:", "offlineMessage", message, () -> memory.saveOfflineMessage(message));
  }

  @Override
  public List<OfflineMessage> offlineMessages() {
    return memory.offlineMessages();
  }
}
