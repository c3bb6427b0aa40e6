package com.payfunctions.model;

/** A QR code for the payer to scan. */
public final class QrCode extends PayFunctionsObject {
    private String data;

    /** The text to encode in the QR code. */
    public String getData() {
        return data;
    }
}
