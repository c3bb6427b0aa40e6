package com.payfunctions.model;

import java.time.OffsetDateTime;

/** One webhook's delivery to the merchant's endpoint. */
public final class WebhookDelivery extends PayFunctionsObject implements HasId {
    private String id;
    private String object;
    private String type;
    private String subject;
    private String status;
    private Long attempts;
    private Long lastResponseCode;
    private OffsetDateTime lastAttemptAt;
    private OffsetDateTime deliveredAt;

    @Override
    public String getId() {
        return id;
    }

    public String getObject() {
        return object;
    }

    public String getType() {
        return type;
    }

    public String getSubject() {
        return subject;
    }

    public String getStatus() {
        return status;
    }

    public Long getAttempts() {
        return attempts;
    }

    public Long getLastResponseCode() {
        return lastResponseCode;
    }

    public OffsetDateTime getLastAttemptAt() {
        return lastAttemptAt;
    }

    public OffsetDateTime getDeliveredAt() {
        return deliveredAt;
    }
}
