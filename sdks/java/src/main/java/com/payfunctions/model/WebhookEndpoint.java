package com.payfunctions.model;

/** Where the merchant's webhooks are delivered. */
public final class WebhookEndpoint extends PayFunctionsObject {
    private String object;
    private String url;
    private Boolean livemode;

    public String getObject() {
        return object;
    }

    public String getUrl() {
        return url;
    }

    public Boolean getLivemode() {
        return livemode;
    }
}
