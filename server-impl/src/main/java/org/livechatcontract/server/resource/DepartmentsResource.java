package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import org.livechatcontract.api.OmnichannelDepartmentsApi;
import org.livechatcontract.model.DepartmentInput;
import org.livechatcontract.model.DepartmentResponse;
import org.livechatcontract.model.DepartmentSaveRequest;
import org.livechatcontract.model.DepartmentSaveResponse;
import org.livechatcontract.model.DepartmentsResponse;
import org.livechatcontract.model.SuccessResponse;
import org.livechatcontract.server.domain.Department;
import org.livechatcontract.server.domain.DepartmentService;
import org.livechatcontract.server.domain.LivechatError;
import org.livechatcontract.server.domain.Page;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.AuthenticatedUser;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** {@code livechat/department} and {@code livechat/department/:_id}. */
@Singleton
public final class DepartmentsResource implements OmnichannelDepartmentsApi {
  private final DepartmentService departments;
  private final Permissions permissions;

  @Context
  private SecurityContext security;

  @Inject
  public DepartmentsResource(DepartmentService departments, Permissions permissions) {
    this.departments = departments;
    this.permissions = permissions;
  }

  @Override
  @Authenticated(permissions = Permissions.MANAGE_LIVECHAT_DEPARTMENTS)
  @Validated(InputStyle.AJV)
  public DepartmentSaveResponse createDepartment(DepartmentSaveRequest body) {
    return saved(departments.create(fields(body.getDepartment()), agents(body)));
  }

  @Override
  @Authenticated(anyOf = {Permissions.VIEW_LIVECHAT_DEPARTMENTS, Permissions.VIEW_L_ROOM})
  @Validated(InputStyle.AJV)
  public DepartmentsResponse listDepartments(String text, String onlyMyDepartments, String enabled,
      String excludeDepartmentId, String showArchived, Integer count, Integer offset, String sort, String query) {
    Page<Department> page = departments.list(
        new DepartmentService.Filter(text, "true".equals(enabled), excludeDepartmentId), offset, count);
    return new DepartmentsResponse()
        .departments(page.items().stream().map(Dtos::department).toList())
        .count(page.items().size())
        .offset(page.offset())
        .total(page.total())
        .success(true);
  }

  @Override
  @Authenticated(anyOf = {Permissions.VIEW_LIVECHAT_DEPARTMENTS, Permissions.VIEW_L_ROOM})
  public DepartmentResponse getDepartment(String id, String includeAgents, String onlyMyDepartments) {
    Optional<Department> d = departments.get(id);
    boolean withAgents = "true".equals(includeAgents)
        && permissions.has(AuthenticatedUser.of(security).user(), Permissions.VIEW_LIVECHAT_DEPARTMENTS);
    return new DepartmentResponse()
        .department(d.map(Dtos::department).orElse(null))
        .agents(withAgents ? d.map(Dtos::departmentAgents).orElse(List.of()) : null)
        .success(true);
  }

  @Override
  @Authenticated(anyOf = {Permissions.MANAGE_LIVECHAT_DEPARTMENTS, Permissions.ADD_LIVECHAT_DEPARTMENT_AGENTS})
  @Validated
  public DepartmentSaveResponse updateDepartment(String id, DepartmentSaveRequest body) {
    User user = AuthenticatedUser.of(security).user();
    if (!permissions.has(user, Permissions.MANAGE_LIVECHAT_DEPARTMENTS)) {
      throw LivechatError.plain("error-not-allowed");
    }
    boolean mayAddAgents = permissions.has(user, Permissions.ADD_LIVECHAT_DEPARTMENT_AGENTS);
    return saved(departments.update(id, fields(body.getDepartment()), mayAddAgents ? agents(body) : List.of()));
  }

  @Override
  @Authenticated(anyOf = {Permissions.MANAGE_LIVECHAT_DEPARTMENTS, Permissions.REMOVE_LIVECHAT_DEPARTMENT})
  public SuccessResponse deleteDepartment(String id) {
    departments.delete(id);
    return Dtos.success();
  }

  private static DepartmentSaveResponse saved(Department d) {
    return new DepartmentSaveResponse()
        .department(Dtos.department(d))
        .agents(Dtos.departmentAgents(d))
        .success(true);
  }

  private static Department.Fields fields(DepartmentInput in) {
    return new Department.Fields(in.getName(), in.getEnabled(), in.getDescription(), in.getShowOnRegistration(),
        in.getShowOnOfflineForm(), in.getEmail(), in.getFallbackForwardDepartment());
  }

  private static List<DepartmentService.AgentEntry> agents(DepartmentSaveRequest body) {
    return body.getAgents() == null ? List.of() : body.getAgents().stream()
        .map(a -> new DepartmentService.AgentEntry(a.getAgentId(), a.getCount(), a.getOrder()))
        .toList();
  }
}
