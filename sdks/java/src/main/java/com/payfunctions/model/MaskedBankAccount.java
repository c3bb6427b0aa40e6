package com.payfunctions.model;

/** A bank account, of which only the last four digits are shown. */
public final class MaskedBankAccount extends PayFunctionsObject {
    private String bankName;
    private String last4;

    public String getBankName() {
        return bankName;
    }

    public String getLast4() {
        return last4;
    }
}
