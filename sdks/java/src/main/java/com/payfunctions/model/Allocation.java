package com.payfunctions.model;

/** One party's share of a captured payment. */
public final class Allocation extends PayFunctionsObject {
    private String account;
    private String role;
    private Long amount;
    private String currency;

    public String getAccount() {
        return account;
    }

    public String getRole() {
        return role;
    }

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }
}
