package com.payfunctions.model;

/** Where an account is paid, masked. */
public final class PayoutMethod extends PayFunctionsObject {
    private String type;
    private MaskedBankAccount bankAccount;
    private MaskedWeChatPayReceiver wechatPay;

    public String getType() {
        return type;
    }

    public MaskedBankAccount getBankAccount() {
        return bankAccount;
    }

    public MaskedWeChatPayReceiver getWechatPay() {
        return wechatPay;
    }
}
