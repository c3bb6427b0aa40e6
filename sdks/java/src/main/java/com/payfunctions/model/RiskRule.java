package com.payfunctions.model;

import java.time.OffsetDateTime;

/** A risk rule of the merchant, or one of the platform's that applies to it. */
public final class RiskRule extends PayFunctionsObject implements HasId {
    private String id;
    private String object;
    private String scope;
    private String kind;
    private String action;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;

    @Override
    public String getId() {
        return id;
    }

    public String getObject() {
        return object;
    }

    /** {@code merchant} or {@code platform}. */
    public String getScope() {
        return scope;
    }

    public String getKind() {
        return kind;
    }

    public String getAction() {
        return action;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
