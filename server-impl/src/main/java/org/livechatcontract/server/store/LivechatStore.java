package org.livechatcontract.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.livechatcontract.server.domain.CustomField;
import org.livechatcontract.server.domain.Department;
import org.livechatcontract.server.domain.Inquiry;
import org.livechatcontract.server.domain.Message;
import org.livechatcontract.server.domain.OfflineMessage;
import org.livechatcontract.server.domain.StoredFile;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.domain.Visitor;

/**
 * Where the server keeps its state. Every lookup that a request makes is by an indexed key: no
 * implementation may answer these by scanning all rooms or visitors.
 *
 * <p>Saves replace the whole record and keep the indexes in step with it. Callers that must make a
 * read-then-write atomic (for example "create a room unless the visitor has an open one") serialise
 * on the visitor themselves; the store only guarantees that each save is atomic.
 */
public interface LivechatStore {

  // users

  Optional<User> userById(String id);

  Optional<User> userByUsername(String username);

  Optional<User> userByEmail(String email);

  /** The user holding a login token with this hash ({@code services.resume.loginTokens.hashedToken}). */
  Optional<User> userByLoginTokenHash(String tokenHash);

  /** Users with the {@code livechat-agent} role. */
  List<User> agents();

  /** Users with this role. */
  List<User> usersWithRole(String role);

  void saveUser(User user);

  /**
   * Replaces the user with {@code change(user)} atomically: no other save of that user lands in between.
   *
   * @return the user after the change, or empty when there is no such user
   */
  Optional<User> updateUser(String id, UnaryOperator<User> change);

  // inquiries

  Optional<Inquiry> inquiryById(String id);

  Optional<Inquiry> inquiryByRoomId(String roomId);

  /** Inquiries in state {@code queued}, oldest first. */
  List<Inquiry> queuedInquiries();

  void saveInquiry(Inquiry inquiry);

  void removeInquiry(String id);

  // visitors

  Optional<Visitor> visitorById(String id);

  Optional<Visitor> visitorByToken(String token);

  Optional<Visitor> visitorByPhone(String phone);

  Optional<Visitor> visitorByEmail(String email);

  void saveVisitor(Visitor visitor);

  // rooms

  Optional<Room> roomById(String id);

  /** The visitor's open rooms, oldest first. */
  List<Room> openRoomsByVisitorToken(String token);

  /** How many open rooms an agent serves. */
  int openRoomCountByAgent(String agentId);

  void saveRoom(Room room);

  /**
   * Applies {@code change} to the room's current record and saves the result, atomically for that
   * room: concurrent changes to one room are never lost. A change may throw to leave the room as it was.
   *
   * @return the saved room, or empty when there is no such room
   */
  Optional<Room> updateRoom(String id, UnaryOperator<Room> change);

  long roomCount();

  // departments

  Optional<Department> departmentById(String id);

  Optional<Department> departmentByIdOrName(String idOrName);

  /** Every department, in the order they were first saved. */
  List<Department> departments();

  /** The departments that list this agent. */
  List<Department> departmentsOfAgent(String agentId);

  void saveDepartment(Department department);

  void removeDepartment(String id);

  // rooms: whole-life lookups and atomic changes

  /** Every room of the visitor with this token, open or closed, oldest first. */
  List<Room> roomsByVisitorToken(String token);

  /** Removes the room and its index entries (not its messages: see {@link #deleteMessagesOfRoom}). */
  void deleteRoom(String id);

  // visitors: atomic changes

  /** As {@link #updateRoom}, for a visitor. */
  Optional<Visitor> updateVisitor(String id, UnaryOperator<Visitor> change);

  // messages (indexed per room, in the order of their {@code ts})

  Optional<Message> messageById(String id);

  /** Stores a new message; false (and nothing stored) when its {@code _id} is already taken. */
  boolean addMessage(Message message);

  /** Replaces the stored message with the same {@code _id} (an edit); its place in the room stays. */
  void replaceMessage(Message message);

  void deleteMessage(String id);

  /**
   * One page of a room's visible (not hidden) messages: newest first unless {@code oldestFirst};
   * only those strictly before {@code before} when it is given; only those whose text contains
   * {@code searchText} (ignoring case) when it is given. {@code limit} 0 means no limit.
   */
  List<Message> roomMessages(String rid, MessageQuery query);

  record MessageQuery(Instant before, String searchText, int offset, int limit, boolean oldestFirst) {}

  /** The room's newest visible message that someone wrote (not a system message). */
  Optional<Message> lastWrittenMessage(String rid);

  void deleteMessagesOfRoom(String rid);

  // uploaded files

  void saveFile(StoredFile file);

  Optional<StoredFile> fileById(String id);

  void deleteFile(String id);

  void deleteFilesOfRoom(String rid);

  // custom fields

  void saveCustomField(CustomField field);

  Optional<CustomField> customFieldById(String id);

  List<CustomField> customFields();

  // offline messages

  void saveOfflineMessage(OfflineMessage message);

  /** Newest first. */
  List<OfflineMessage> offlineMessages();
}
