package com.payfunctions.model;

import java.time.OffsetDateTime;

/** One step of a payment's history; the fields present depend on its type. */
public final class TimelineEvent extends PayFunctionsObject {
    private String type;
    private OffsetDateTime at;
    private String status;
    private Long amount;
    private String currency;
    private String channel;
    private String channelAccount;
    private String outcome;
    private String reason;
    private String eventId;
    private String eventType;
    private String refund;
    private String failureCode;
    private String failureMessage;

    public String getType() {
        return type;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public String getStatus() {
        return status;
    }

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getChannel() {
        return channel;
    }

    public String getChannelAccount() {
        return channelAccount;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getRefund() {
        return refund;
    }

    public String getFailureCode() {
        return failureCode;
    }

    public String getFailureMessage() {
        return failureMessage;
    }
}
