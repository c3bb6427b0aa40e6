package com.payfunctions.param;

import java.util.Map;

/** Parameters of creating a store. */
public final class StoreCreateParams extends Params {
    private StoreCreateParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link StoreCreateParams}. */
    public static final class Builder extends Params.Builder<Builder, StoreCreateParams> {
        private Builder() {
            super(StoreCreateParams::new);
        }

        public Builder name(String name) {
            return put("name", name);
        }

        /** A fixed amount in minor units; leave it out to let the payer enter it. */
        public Builder amount(long amount) {
            return put("amount", amount);
        }

        public Builder currency(String currency) {
            return put("currency", currency);
        }
    }
}
