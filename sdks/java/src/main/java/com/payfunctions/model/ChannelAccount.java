package com.payfunctions.model;

import java.util.List;

/** A channel account the merchant's payments may be routed to. */
public final class ChannelAccount extends PayFunctionsObject {
    private String object;
    private String channelAccount;
    private String channel;
    private String account;
    private Boolean isDefault;
    private List<String> methods;
    private List<String> currencies;

    public String getObject() {
        return object;
    }

    public String getChannelAccount() {
        return channelAccount;
    }

    public String getChannel() {
        return channel;
    }

    public String getAccount() {
        return account;
    }

    public Boolean isDefault() {
        return isDefault;
    }

    public List<String> getMethods() {
        return methods;
    }

    public List<String> getCurrencies() {
        return currencies;
    }
}
