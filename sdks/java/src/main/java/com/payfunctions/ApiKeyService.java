package com.payfunctions;

import com.payfunctions.model.ApiKey;
import com.payfunctions.param.ApiKeyCreateParams;
import com.payfunctions.param.ApiKeyRollParams;
import com.payfunctions.param.ListParams;

/** The merchant's API keys: {@code /v1/api_keys}. */
public final class ApiKeyService extends ApiService {
    ApiKeyService(ApiRequestor requestor) {
        super(requestor);
    }

    /** Creates a key; its secret is in this answer only. */
    public ApiKey create(ApiKeyCreateParams params) {
        return create(params, RequestOptions.none());
    }

    public ApiKey create(ApiKeyCreateParams params, RequestOptions options) {
        return send("/v1/api_keys", params, options, ApiKey.class);
    }

    public Page<ApiKey> list(ListParams params) {
        return fetchPagedList("/v1/api_keys", params, ApiKey.class);
    }

    public Page<ApiKey> list() {
        return list(null);
    }

    /** Replaces a key by a new one; the old secret keeps working for {@code expires_in_seconds}. */
    public ApiKey roll(String id, ApiKeyRollParams params) {
        return roll(id, params, RequestOptions.none());
    }

    public ApiKey roll(String id, ApiKeyRollParams params, RequestOptions options) {
        return send("/v1/api_keys/" + id(id) + "/roll", params, options, ApiKey.class);
    }

    /** Revokes a key at once. */
    public ApiKey revoke(String id) {
        return revoke(id, RequestOptions.none());
    }

    public ApiKey revoke(String id, RequestOptions options) {
        return send("/v1/api_keys/" + id(id) + "/revoke", null, options, ApiKey.class);
    }
}
