package com.payfunctions.param;

import java.util.List;
import java.util.Map;

/** The routing policy to set: it replaces the whole policy. */
public final class RoutingPolicyParams extends Params {
    private RoutingPolicyParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RoutingPolicyParams}. */
    public static final class Builder extends Params.Builder<Builder, RoutingPolicyParams> {
        private Builder() {
            super(RoutingPolicyParams::new);
        }

        /** What routing optimises for, e.g. {@code success}. */
        public Builder objective(String objective) {
            return put("objective", objective);
        }

        public Builder costWeight(double costWeight) {
            return put("cost_weight", costWeight);
        }

        /** The offset time windows are read in, e.g. {@code +08:00}. */
        public Builder utcOffset(String utcOffset) {
            return put("utc_offset", utcOffset);
        }

        /** Adds a rule; rules are tried in order. */
        public Builder addRule(Rule item) {
            return add("rules", item);
        }

        /** Adds what a channel account charges. */
        public Builder addFee(Fee item) {
            return add("fees", item);
        }
    }

    /** A routing rule: when it applies, and the candidates it routes to. */
    public static final class Rule extends Params {
        private Rule(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Rule}. */
        public static final class Builder extends Params.Builder<Builder, Rule> {
            private Builder() {
                super(Rule::new);
            }

            public Builder name(String name) {
                return put("name", name);
            }

            public Builder when(Condition when) {
                return put("when", when);
            }

            /** Adds a candidate. */
            public Builder addCandidate(Candidate item) {
                return add("candidates", item);
            }
        }
    }

    /** When a rule applies; every condition set must hold. */
    public static final class Condition extends Params {
        private Condition(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Condition}. */
        public static final class Builder extends Params.Builder<Builder, Condition> {
            private Builder() {
                super(Condition::new);
            }

            public Builder methods(List<String> methods) {
                return put("methods", methods);
            }

            public Builder minAmount(long minAmount) {
                return put("min_amount", minAmount);
            }

            public Builder maxAmount(long maxAmount) {
                return put("max_amount", maxAmount);
            }

            public Builder currencies(List<String> currencies) {
                return put("currencies", currencies);
            }

            public Builder countries(List<String> countries) {
                return put("countries", countries);
            }

            public Builder regions(List<String> regions) {
                return put("regions", regions);
            }

            public Builder between(TimeWindow between) {
                return put("between", between);
            }

            public Builder terminals(List<String> terminals) {
                return put("terminals", terminals);
            }
        }
    }

    /** A time of day window, HH:mm. */
    public static final class TimeWindow extends Params {
        private TimeWindow(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link TimeWindow}. */
        public static final class Builder extends Params.Builder<Builder, TimeWindow> {
            private Builder() {
                super(TimeWindow::new);
            }

            public Builder start(String start) {
                return put("start", start);
            }

            public Builder end(String end) {
                return put("end", end);
            }
        }
    }

    /** A channel account a rule may route to. */
    public static final class Candidate extends Params {
        private Candidate(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Candidate}. */
        public static final class Builder extends Params.Builder<Builder, Candidate> {
            private Builder() {
                super(Candidate::new);
            }

            public Builder channelAccount(String channelAccount) {
                return put("channel_account", channelAccount);
            }

            public Builder priority(int priority) {
                return put("priority", priority);
            }

            public Builder weight(int weight) {
                return put("weight", weight);
            }

            public Builder limits(Limits limits) {
                return put("limits", limits);
            }
        }
    }

    /** Limits of a candidate, past which it is skipped. */
    public static final class Limits extends Params {
        private Limits(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Limits}. */
        public static final class Builder extends Params.Builder<Builder, Limits> {
            private Builder() {
                super(Limits::new);
            }

            public Builder maxAmount(long maxAmount) {
                return put("max_amount", maxAmount);
            }

            public Builder dailyAmount(long dailyAmount) {
                return put("daily_amount", dailyAmount);
            }

            public Builder dailyCount(int dailyCount) {
                return put("daily_count", dailyCount);
            }

            public Builder perSecond(int perSecond) {
                return put("per_second", perSecond);
            }
        }
    }

    /** What a channel account charges for a method. */
    public static final class Fee extends Params {
        private Fee(Map<String, Object> values) {
            super(values);
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Fee}. */
        public static final class Builder extends Params.Builder<Builder, Fee> {
            private Builder() {
                super(Fee::new);
            }

            public Builder channelAccount(String channelAccount) {
                return put("channel_account", channelAccount);
            }

            public Builder method(String method) {
                return put("method", method);
            }

            public Builder basisPoints(int basisPoints) {
                return put("basis_points", basisPoints);
            }

            public Builder fixed(long fixed) {
                return put("fixed", fixed);
            }
        }
    }
}
