package com.payfunctions;

import com.payfunctions.model.RoutingPolicy;
import com.payfunctions.param.RoutingPolicyParams;

/** The merchant's routing policy: {@code /v1/routing}. */
public final class RoutingService extends ApiService {
    RoutingService(ApiRequestor requestor) {
        super(requestor);
    }

    public RoutingPolicy retrieve() {
        return fetch("/v1/routing", null, RoutingPolicy.class);
    }

    /** Replaces the whole policy; sending the same policy again changes nothing. */
    public RoutingPolicy update(RoutingPolicyParams params) {
        return update(params, RequestOptions.none());
    }

    public RoutingPolicy update(RoutingPolicyParams params, RequestOptions options) {
        return send("/v1/routing", params, options, RoutingPolicy.class);
    }
}
