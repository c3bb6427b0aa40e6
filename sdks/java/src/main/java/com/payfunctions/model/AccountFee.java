package com.payfunctions.model;

/** What a channel account charges for a method. */
public final class AccountFee extends PayFunctionsObject {
    private String channelAccount;
    private String method;
    private Long basisPoints;
    private Long fixed;

    public String getChannelAccount() {
        return channelAccount;
    }

    public String getMethod() {
        return method;
    }

    public Long getBasisPoints() {
        return basisPoints;
    }

    public Long getFixed() {
        return fixed;
    }
}
