package com.payfunctions.model;

import java.time.OffsetDateTime;

/** A store: a fixed QR code payers scan to pay the merchant. */
public final class Store extends PayFunctionsObject implements HasId {
    private String id;
    private String object;
    private String name;
    private Long amount;
    private String currency;
    private String codeUrl;
    private String qrPngUrl;
    private String qrSvgUrl;
    private OffsetDateTime createdAt;

    @Override
    public String getId() {
        return id;
    }

    public String getObject() {
        return object;
    }

    public String getName() {
        return name;
    }

    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getCodeUrl() {
        return codeUrl;
    }

    public String getQrPngUrl() {
        return qrPngUrl;
    }

    public String getQrSvgUrl() {
        return qrSvgUrl;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
