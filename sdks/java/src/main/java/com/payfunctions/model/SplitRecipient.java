package com.payfunctions.model;

/** One receiver of a split: a share in basis points or a fixed amount. */
public final class SplitRecipient extends PayFunctionsObject {
    private String account;
    private Long basisPoints;
    private Long amount;

    public String getAccount() {
        return account;
    }

    public Long getBasisPoints() {
        return basisPoints;
    }

    public Long getAmount() {
        return amount;
    }
}
