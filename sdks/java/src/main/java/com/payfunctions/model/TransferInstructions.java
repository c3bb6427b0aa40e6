package com.payfunctions.model;

/** Where and how the payer sends a bank transfer. */
public final class TransferInstructions extends PayFunctionsObject {
    private Long amount;
    private String currency;
    private String reference;
    private String accountHolderName;
    private String iban;
    private String bic;

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReference() {
        return reference;
    }

    public String getAccountHolderName() {
        return accountHolderName;
    }

    public String getIban() {
        return iban;
    }

    public String getBic() {
        return bic;
    }
}
