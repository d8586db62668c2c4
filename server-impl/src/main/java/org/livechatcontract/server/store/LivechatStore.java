package org.livechatcontract.server.store;

import java.util.List;
import java.util.Optional;
import org.livechatcontract.server.domain.Department;
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

  void saveUser(User user);

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

  long roomCount();

  // departments

  Optional<Department> departmentByIdOrName(String idOrName);

  void saveDepartment(Department department);

  // the whole state (the stub admin API's export, reset and load)

  List<User> allUsers();

  List<Visitor> allVisitors();

  List<Room> allRooms();

  List<Department> allDepartments();

  /** Forgets everything. */
  void clear();
}
