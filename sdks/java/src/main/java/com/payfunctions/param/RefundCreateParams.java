package com.payfunctions.param;

import java.util.Map;

/** Parameters of refunding a payment. */
public final class RefundCreateParams extends Params {
    private RefundCreateParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RefundCreateParams}. */
    public static final class Builder extends Params.Builder<Builder, RefundCreateParams> {
        private Builder() {
            super(RefundCreateParams::new);
        }

        /** How much to refund, in minor units; leave it out to refund all that is left. */
        public Builder amount(long amount) {
            return put("amount", amount);
        }

        public Builder reason(String reason) {
            return put("reason", reason);
        }

        public Builder metadata(Map<String, String> metadata) {
            return put("metadata", metadata);
        }
    }
}
