package org.livechatcontract.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.livechatcontract.server.store.LivechatStore;

/**
 * Departments and their agents (Rocket.Chat's {@code saveDepartment}, {@code removeDepartment} and
 * {@code updateDepartmentAgents}). Changes are serialised: each reads, checks and saves as one step.
 */
public final class DepartmentService {
  private static final Map<String, String> SAVE = Map.of("method", "livechat:saveDepartment");

  private final LivechatStore store;
  private final Settings settings;
  private final Ids ids;
  private final Clock clock;

  public DepartmentService(LivechatStore store, Settings settings, Ids ids, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.ids = ids;
    this.clock = clock;
  }

  /** An agent to add to a department, or whose weights to change; {@code count} and {@code order} may be null. */
  public record AgentEntry(String agentId, Integer count, Integer order) {}

  public synchronized Department create(Department.Fields fields, List<AgentEntry> agents) {
    checkFallback(null, fields.fallbackForwardDepartment());
    Instant now = Times.now(clock);
    Department d = withAgents(Department.of(ids.id(), fields, now), agents, now);
    store.saveDepartment(d);
    return d;
  }

  /**
   * Replaces the department's fields; {@code agents}, when given, are added or have their weights
   * changed, and the others stay.
   */
  public synchronized Department update(String id, Department.Fields fields, List<AgentEntry> agents) {
    Department current = store.departmentById(id)
        .orElseThrow(() -> LivechatError.meteor("error-department-not-found", "Department not found", SAVE));
    checkFallback(id, fields.fallbackForwardDepartment());
    Instant now = Times.now(clock);
    Department d = withAgents(current.with(fields, now), agents, now);
    store.saveDepartment(d);
    return d;
  }

  /**
   * Deletes the department, and clears it as other departments' fallback.
   *
   * @throws LivechatError while {@code Omnichannel_enable_department_removal} is off, or when there is no such department
   */
  public synchronized void delete(String id) {
    if (!settings.flag(Settings.ENABLE_DEPARTMENT_REMOVAL)) {
      throw LivechatError.plain("error-department-removal-disabled");
    }
    if (store.departmentById(id).isEmpty()) {
      throw LivechatError.meteor("department-not-found", "Department not found",
          Map.of("method", "livechat:removeDepartment"));
    }
    store.removeDepartment(id);
    Instant now = Times.now(clock);
    for (Department d : store.departments()) {
      if (id.equals(d.fallbackForwardDepartment())) {
        store.saveDepartment(d.withoutFallback(now));
      }
    }
  }

  /** Takes the agent out of every department (when they stop being an agent). */
  public synchronized void removeAgentEverywhere(String agentId) {
    Instant now = Times.now(clock);
    for (Department d : store.departmentsOfAgent(agentId)) {
      store.saveDepartment(d.withoutAgent(agentId, now));
    }
  }

  public Optional<Department> get(String id) {
    return store.departmentById(id);
  }

  /** What the department list is filtered by; any may be null. */
  public record Filter(String text, boolean onlyEnabled, String excludeId) {}

  public Page<Department> list(Filter filter, Integer offset, Integer count) {
    String text = filter.text() == null ? null : filter.text().toLowerCase(Locale.ROOT);
    List<Department> departments = store.departments().stream()
        .filter(d -> text == null || d.name().toLowerCase(Locale.ROOT).contains(text))
        .filter(d -> !filter.onlyEnabled() || d.enabled())
        .filter(d -> filter.excludeId() == null || !d.id().equals(filter.excludeId()))
        .toList();
    return Page.of(departments, offset, count);
  }

  private void checkFallback(String id, String fallback) {
    if (fallback == null || fallback.isEmpty()) {
      return;
    }
    if (fallback.equals(id)) {
      throw LivechatError.meteor("error-fallback-department-circular",
          "Cannot save department. Circular reference between fallback department and department");
    }
    if (store.departmentById(fallback).isEmpty()) {
      throw LivechatError.meteor("error-fallback-department-not-found", "Fallback department not found", SAVE);
    }
  }

  /** Rocket.Chat's {@code updateDepartmentAgents} with only {@code upsert}: unknown users are skipped. */
  private Department withAgents(Department d, List<AgentEntry> entries, Instant now) {
    if (entries == null || entries.isEmpty()) {
      return d;
    }
    List<Department.Agent> agents = new ArrayList<>(d.agents());
    for (AgentEntry e : entries) {
      Optional<User> user = store.userById(e.agentId());
      if (user.isEmpty()) {
        continue;
      }
      int count = e.count() == null ? 0 : e.count();
      int order = e.order() == null ? 0 : e.order();
      int at = indexOf(agents, e.agentId());
      String linkId = at >= 0 ? agents.get(at).id() : ids.id();
      Department.Agent link = new Department.Agent(linkId, e.agentId(), user.get().username(), count, order);
      if (at >= 0) {
        agents.set(at, link);
      } else {
        agents.add(link);
      }
    }
    return d.withAgents(agents, now);
  }

  private static int indexOf(List<Department.Agent> agents, String agentId) {
    for (int i = 0; i < agents.size(); i++) {
      if (agents.get(i).agentId().equals(agentId)) {
        return i;
      }
    }
    return -1;
  }
}
