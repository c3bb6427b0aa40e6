package com.payfunctions.model;

import java.time.OffsetDateTime;
import java.util.Map;

/** A refund of part or all of a payment. */
public final class Refund extends PayFunctionsObject implements HasId {
    private String id;
    private String object;
    private String payment;
    private Long amount;
    private String currency;
    private String status;
    private String reason;
    private String channelRefundNo;
    private String failureCode;
    private String failureMessage;
    private OffsetDateTime createdAt;
    private OffsetDateTime succeededAt;
    private Map<String, String> metadata;

    @Override
    public String getId() {
        return id;
    }

    public String getObject() {
        return object;
    }

    /** The id of the refunded payment. */
    public String getPayment() {
        return payment;
    }

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    /** {@code pending}, {@code succeeded} or {@code failed}. */
    public String getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getChannelRefundNo() {
        return channelRefundNo;
    }

    public String getFailureCode() {
        return failureCode;
    }

    public String getFailureMessage() {
        return failureMessage;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getSucceededAt() {
        return succeededAt;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }
}
