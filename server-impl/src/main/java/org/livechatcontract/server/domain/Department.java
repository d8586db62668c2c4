package org.livechatcontract.server.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A livechat department ({@code ILivechatDepartment}) with the agents who serve it
 * ({@code ILivechatDepartmentAgents}); a visitor may name one by {@code _id} or by name.
 *
 * @param fallbackForwardDepartment the {@code _id} of the department new rooms go to when nobody here is online
 */
public record Department(
    String id,
    String name,
    boolean enabled,
    String description,
    boolean showOnRegistration,
    boolean showOnOfflineForm,
    String email,
    String fallbackForwardDepartment,
    List<Agent> agents,
    Instant updatedAt) {

  public Department {
    agents = List.copyOf(agents);
  }

  /** An agent's membership of the department; {@code count} and {@code order} are Rocket.Chat's weights. */
  public record Agent(String id, String agentId, String username, int count, int order) {}

  /** What a create or update sets; everything but the agents. */
  public record Fields(String name, boolean enabled, String description, boolean showOnRegistration,
      boolean showOnOfflineForm, String email, String fallbackForwardDepartment) {}

  public static Department of(String id, Fields f, Instant now) {
    return new Department(id, f.name(), f.enabled(), f.description(), f.showOnRegistration(), f.showOnOfflineForm(),
        f.email(), blankToNull(f.fallbackForwardDepartment()), List.of(), now);
  }

  public Department with(Fields f, Instant now) {
    return new Department(id, f.name(), f.enabled(), f.description(), f.showOnRegistration(), f.showOnOfflineForm(),
        f.email(), blankToNull(f.fallbackForwardDepartment()), agents, now);
  }

  public Department withAgents(List<Agent> newAgents, Instant now) {
    return new Department(id, name, enabled, description, showOnRegistration, showOnOfflineForm, email,
        fallbackForwardDepartment, newAgents, now);
  }

  public Department withoutFallback(Instant now) {
    return new Department(id, name, enabled, description, showOnRegistration, showOnOfflineForm, email, null, agents,
        now);
  }

  public boolean hasAgent(String agentId) {
    return agents.stream().anyMatch(a -> a.agentId().equals(agentId));
  }

  /** The department without this agent. */
  public Department withoutAgent(String agentId, Instant now) {
    List<Agent> rest = new ArrayList<>(agents);
    rest.removeIf(a -> a.agentId().equals(agentId));
    return withAgents(rest, now);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
