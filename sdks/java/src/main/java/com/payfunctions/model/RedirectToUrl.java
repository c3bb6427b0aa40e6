package com.payfunctions.model;

/** A page to send the payer to. */
public final class RedirectToUrl extends PayFunctionsObject {
    private String url;

    public String getUrl() {
        return url;
    }
}
