package com.payfunctions.model;

import java.util.List;

/** How a payment's net amount is shared with connected accounts. */
public final class Split extends PayFunctionsObject {
    private List<SplitRecipient> recipients;

    public List<SplitRecipient> getRecipients() {
        return recipients;
    }
}
