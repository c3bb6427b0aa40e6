package com.payfunctions.param;

import java.util.Map;

/** Parameters of rolling an API key. */
public final class ApiKeyRollParams extends Params {
    private ApiKeyRollParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ApiKeyRollParams}. */
    public static final class Builder extends Params.Builder<Builder, ApiKeyRollParams> {
        private Builder() {
            super(ApiKeyRollParams::new);
        }

        /** How long the old secret keeps working. */
        public Builder expiresInSeconds(int expiresInSeconds) {
            return put("expires_in_seconds", expiresInSeconds);
        }
    }
}
