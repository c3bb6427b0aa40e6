package com.payfunctions.param;

import java.util.Map;

/** Parameters of the payment report. */
public final class PaymentReportParams extends Params {
    private PaymentReportParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PaymentReportParams}. */
    public static final class Builder extends Params.Builder<Builder, PaymentReportParams> {
        private Builder() {
            super(PaymentReportParams::new);
        }

        /** The first day, yyyy-MM-dd (default: 30 days ago). */
        public Builder from(String from) {
            return put("from", from);
        }

        /** The last day, yyyy-MM-dd (default: today). */
        public Builder to(String to) {
            return put("to", to);
        }

        /** {@code method}, {@code channel}, {@code hour}, {@code weekday}, {@code region} or {@code day}. */
        public Builder groupBy(String groupBy) {
            return put("group_by", groupBy);
        }
    }
}
