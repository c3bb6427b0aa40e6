package com.payfunctions.model;

import java.util.Map;

/** Parameters for the channel's own app SDK. */
public final class UseSdk extends PayFunctionsObject {
    private String channel;
    private Map<String, String> parameters;

    public String getChannel() {
        return channel;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }
}
