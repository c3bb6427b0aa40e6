package com.payfunctions.model;

import java.time.OffsetDateTime;

/** A connected account: a receiver the merchant's splits may pay. */
public final class Account extends PayFunctionsObject implements HasId {
    private String id;
    private String object;
    private String type;
    private String name;
    private String status;
    private PayoutMethod payoutMethod;
    private Boolean payoutsEnabled;
    private OffsetDateTime createdAt;
    private OffsetDateTime deactivatedAt;

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

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public PayoutMethod getPayoutMethod() {
        return payoutMethod;
    }

    public Boolean getPayoutsEnabled() {
        return payoutsEnabled;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getDeactivatedAt() {
        return deactivatedAt;
    }
}
