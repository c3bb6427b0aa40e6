package com.payfunctions;

import com.payfunctions.model.WebhookDelivery;
import com.payfunctions.model.WebhookEndpoint;
import com.payfunctions.param.ListParams;

/** Where the merchant's webhooks go, and how their deliveries went: {@code /v1/webhook_endpoints}. */
public final class WebhookEndpointService extends ApiService {
    WebhookEndpointService(ApiRequestor requestor) {
        super(requestor);
    }

    public Page<WebhookEndpoint> list() {
        return fetchList("/v1/webhook_endpoints", WebhookEndpoint.class);
    }

    /** Sends a signed test event to the merchant's endpoint and answers how its delivery went. */
    public WebhookDelivery sendTest() {
        return sendTest(RequestOptions.none());
    }

    public WebhookDelivery sendTest(RequestOptions options) {
        return send("/v1/webhook_endpoints/test", null, options, WebhookDelivery.class);
    }

    /** One page of webhook deliveries, newest first. */
    public Page<WebhookDelivery> listDeliveries(ListParams params) {
        return fetchPagedList("/v1/webhook_endpoints/deliveries", params, WebhookDelivery.class);
    }

    public Page<WebhookDelivery> listDeliveries() {
        return listDeliveries(null);
    }
}
