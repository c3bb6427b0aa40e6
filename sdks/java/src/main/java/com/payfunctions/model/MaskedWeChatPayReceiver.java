package com.payfunctions.model;

/** A WeChat Pay receiver, of which only the last four characters are shown. */
public final class MaskedWeChatPayReceiver extends PayFunctionsObject {
    private String last4;

    public String getLast4() {
        return last4;
    }
}
