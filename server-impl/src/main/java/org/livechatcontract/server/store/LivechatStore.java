package org.livechatcontract.server.store;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.livechatcontract.server.domain.Department;
import org.livechatcontract.server.domain.Inquiry;
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
}
