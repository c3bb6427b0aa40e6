package com.payfunctions.model;

import java.time.OffsetDateTime;

/** The FX quote locked with a payment; rates are decimal strings so no precision is lost. */
public final class Fx extends PayFunctionsObject {
    private String settlementCurrency;
    private String rate;
    private String referenceRate;
    private Long marginBasisPoints;
    private Long settlementAmount;
    private String ratesDate;
    private OffsetDateTime lockedUntil;

    public String getSettlementCurrency() {
        return settlementCurrency;
    }

    public String getRate() {
        return rate;
    }

    public String getReferenceRate() {
        return referenceRate;
    }

    public Long getMarginBasisPoints() {
        return marginBasisPoints;
    }

    public Long getSettlementAmount() {
        return settlementAmount;
    }

    public String getRatesDate() {
        return ratesDate;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }
}
