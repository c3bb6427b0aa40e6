package com.payfunctions.model;

/** An amount in a currency's minor unit. */
public final class Amount extends PayFunctionsObject {
    private Long amount;
    private String currency;

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }
}
