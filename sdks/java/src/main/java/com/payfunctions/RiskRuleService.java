package com.payfunctions;

import com.payfunctions.model.DeletedRiskRule;
import com.payfunctions.model.RiskRule;
import com.payfunctions.param.RiskRuleParams;

/** The risk rules applied to the merchant's payments: {@code /v1/risk/rules}. */
public final class RiskRuleService extends ApiService {
    RiskRuleService(ApiRequestor requestor) {
        super(requestor);
    }

    /** The merchant's own rules and the platform's that apply to it. */
    public Page<RiskRule> list() {
        return fetchList("/v1/risk/rules", RiskRule.class);
    }

    public RiskRule create(RiskRuleParams params) {
        return create(params, RequestOptions.none());
    }

    public RiskRule create(RiskRuleParams params, RequestOptions options) {
        return send("/v1/risk/rules", params, options, RiskRule.class);
    }

    /** Replaces one of the merchant's rules. */
    public RiskRule update(String id, RiskRuleParams params) {
        return update(id, params, RequestOptions.none());
    }

    public RiskRule update(String id, RiskRuleParams params, RequestOptions options) {
        return send("/v1/risk/rules/" + id(id), params, options, RiskRule.class);
    }

    public DeletedRiskRule delete(String id) {
        return remove("/v1/risk/rules/" + id(id), DeletedRiskRule.class);
    }
}
