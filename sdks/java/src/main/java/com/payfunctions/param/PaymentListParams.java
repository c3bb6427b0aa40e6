package com.payfunctions.param;

import java.util.Map;

/** Parameters of listing payments, newest first. */
public final class PaymentListParams extends Params {
    private PaymentListParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PaymentListParams}. */
    public static final class Builder extends Params.Builder<Builder, PaymentListParams> {
        private Builder() {
            super(PaymentListParams::new);
        }

        /** How many to answer per page, 1 to 100 (default 10). */
        public Builder limit(int limit) {
            return put("limit", limit);
        }

        /** The last id of the previous page: the page after it. */
        public Builder startingAfter(String id) {
            return put("starting_after", id);
        }

        /** Only payments in this status, e.g. {@code succeeded}. */
        public Builder status(String status) {
            return put("status", status);
        }
    }
}
