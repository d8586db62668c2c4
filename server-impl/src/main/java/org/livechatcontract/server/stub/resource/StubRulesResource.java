package org.livechatcontract.server.stub.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import org.livechatcontract.server.domain.LivechatError;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.Validated;
import org.livechatcontract.server.stub.Rules;
import org.livechatcontract.stub.api.StubRulesApi;
import org.livechatcontract.stub.model.Delay;
import org.livechatcontract.stub.model.Rule;
import org.livechatcontract.stub.model.RuleRequest;
import org.livechatcontract.stub.model.RuleResponse;
import org.livechatcontract.stub.model.RulesResponse;
import org.livechatcontract.stub.model.SuccessResponse;

/** {@code GET}, {@code POST} and {@code DELETE stub/rules}. */
@Singleton
public final class StubRulesResource implements StubRulesApi {
  private final Rules rules;

  @Inject
  public StubRulesResource(Rules rules) {
    this.rules = rules;
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  @Validated
  public RuleResponse addRule(RuleRequest body) {
    Delay d = body.getDelay();
    try {
      Rules.Rule added = rules.add(new Rules.Spec(body.getOperationId(),
          d == null ? null : d.getFixedMs(), d == null ? null : d.getMinMs(), d == null ? null : d.getMaxMs(),
          body.getStatus(), body.getError(),
          body.getProbability() == null ? 1.0 : body.getProbability().doubleValue(), body.getCount()));
      return new RuleResponse().rule(rule(added)).success(true);
    } catch (Rules.BadRule e) {
      throw LivechatError.plain(e.getMessage());
    }
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  public RulesResponse listRules() {
    return new RulesResponse().rules(rules.all().stream().map(StubRulesResource::rule).toList()).success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  public SuccessResponse clearRules() {
    rules.clear();
    return new SuccessResponse().success(true);
  }

  private static Rule rule(Rules.Rule r) {
    Rules.Spec s = r.spec();
    boolean delayed = s.fixedMs() != null || s.minMs() != null;
    return new Rule()
        .id(r.id())
        .operationId(s.operationId())
        .delay(delayed ? new Delay().fixedMs(s.fixedMs()).minMs(s.minMs()).maxMs(s.maxMs()) : null)
        .status(s.status())
        .error(s.error())
        .probability(BigDecimal.valueOf(s.probability()))
        .count(s.count())
        .applied(r.applied());
  }
}
