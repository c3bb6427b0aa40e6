package com.payfunctions.model;

import java.util.List;

/** The merchant's balance off the ledger, per currency. */
public final class Balance extends PayFunctionsObject {
    private String object;
    private List<Amount> pendingSettlement;
    private List<Amount> inTransit;
    private List<Amount> heldForReview;

    public String getObject() {
        return object;
    }

    public List<Amount> getPendingSettlement() {
        return pendingSettlement;
    }

    public List<Amount> getInTransit() {
        return inTransit;
    }

    public List<Amount> getHeldForReview() {
        return heldForReview;
    }
}
