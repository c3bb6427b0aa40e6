package com.payfunctions.model;

import java.time.OffsetDateTime;

/** One day's payout of what an account was owed. */
public final class Settlement extends PayFunctionsObject implements HasId {
    private String id;
    private String object;
    private String account;
    private Long amount;
    private String currency;
    private String settlementDate;
    private OffsetDateTime cutoffAt;
    private String journalEntryId;
    private OffsetDateTime createdAt;

    @Override
    public String getId() {
        return id;
    }

    public String getObject() {
        return object;
    }

    public String getAccount() {
        return account;
    }

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getSettlementDate() {
        return settlementDate;
    }

    public OffsetDateTime getCutoffAt() {
        return cutoffAt;
    }

    public String getJournalEntryId() {
        return journalEntryId;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
