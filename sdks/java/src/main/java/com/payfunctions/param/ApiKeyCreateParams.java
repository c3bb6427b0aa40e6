package com.payfunctions.param;

import java.util.List;
import java.util.Map;

/** Parameters of creating an API key. */
public final class ApiKeyCreateParams extends Params {
    private ApiKeyCreateParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ApiKeyCreateParams}. */
    public static final class Builder extends Params.Builder<Builder, ApiKeyCreateParams> {
        private Builder() {
            super(ApiKeyCreateParams::new);
        }

        public Builder name(String name) {
            return put("name", name);
        }

        /** e.g. {@code read}, {@code payments}, {@code refunds}, {@code accounts}, {@code api_keys}. */
        public Builder scopes(List<String> scopes) {
            return put("scopes", scopes);
        }

        /** Whether requests made with the key must also be signed. */
        public Builder signatureRequired(boolean signatureRequired) {
            return put("signature_required", signatureRequired);
        }
    }
}
