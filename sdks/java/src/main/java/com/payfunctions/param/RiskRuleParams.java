package com.payfunctions.param;

import java.util.List;
import java.util.Map;

/** Parameters of creating or replacing a risk rule; which apply depends on its kind. */
public final class RiskRuleParams extends Params {
    private RiskRuleParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RiskRuleParams}. */
    public static final class Builder extends Params.Builder<Builder, RiskRuleParams> {
        private Builder() {
            super(RiskRuleParams::new);
        }

        /** The kind of rule, e.g. {@code list}. */
        public Builder kind(String kind) {
            return put("kind", kind);
        }

        /** What a match does, e.g. {@code review} or {@code block}. */
        public Builder action(String action) {
            return put("action", action);
        }

        public Builder stages(List<String> stages) {
            return put("stages", stages);
        }

        public Builder description(String description) {
            return put("description", description);
        }

        public Builder key(String key) {
            return put("key", key);
        }

        public Builder window(String window) {
            return put("window", window);
        }

        public Builder maxCount(int maxCount) {
            return put("max_count", maxCount);
        }

        public Builder maxAmount(long maxAmount) {
            return put("max_amount", maxAmount);
        }

        public Builder currency(String currency) {
            return put("currency", currency);
        }

        public Builder minCount(int minCount) {
            return put("min_count", minCount);
        }

        public Builder minZ(double minZ) {
            return put("min_z", minZ);
        }

        public Builder maxShare(double maxShare) {
            return put("max_share", maxShare);
        }

        public Builder minKmh(double minKmh) {
            return put("min_kmh", minKmh);
        }

        public Builder minScore(double minScore) {
            return put("min_score", minScore);
        }

        public Builder field(String field) {
            return put("field", field);
        }

        public Builder values(List<String> values) {
            return put("values", values);
        }
    }
}
