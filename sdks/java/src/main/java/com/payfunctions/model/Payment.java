package com.payfunctions.model;

import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A payment: an amount to collect from a payer with one method, and what became of it. */
public final class Payment extends PayFunctionsObject implements HasId {
    private String id;
    private String object;
    private Long amount;
    private String currency;
    private String status;
    private String method;
    private String channel;
    private String channelAccount;
    private String merchantOrderId;
    private String description;
    private OffsetDateTime createdAt;
    private OffsetDateTime expiresAt;
    private NextAction nextAction;
    private String channelTradeNo;
    private OffsetDateTime paidAt;
    private Split split;
    private List<Allocation> allocations;
    private String failureCode;
    private String failureMessage;
    private Map<String, String> metadata;
    private Boolean livemode;
    private List<String> paymentMethodTypes;
    private String checkoutUrl;
    private String captureMethod;
    private OffsetDateTime captureBefore;
    private Fx fx;
    private JsonObject routing;
    private JsonObject risk;

    @Override
    public String getId() {
        return id;
    }

    public String getObject() {
        return object;
    }

    /** The amount in the currency's minor unit (fen, cents). */
    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    /** {@code processing}, {@code requires_action}, {@code requires_capture}, {@code succeeded}, {@code failed}, {@code closed} or {@code expired}. */
    public String getStatus() {
        return status;
    }

    public String getMethod() {
        return method;
    }

    public String getChannel() {
        return channel;
    }

    public String getChannelAccount() {
        return channelAccount;
    }

    public String getMerchantOrderId() {
        return merchantOrderId;
    }

    public String getDescription() {
        return description;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    /** What the payer must do next, while the status is {@code requires_action}. */
    public NextAction getNextAction() {
        return nextAction;
    }

    public String getChannelTradeNo() {
        return channelTradeNo;
    }

    public OffsetDateTime getPaidAt() {
        return paidAt;
    }

    public Split getSplit() {
        return split;
    }

    /** How the captured amount was shared: fee, connected accounts, merchant. */
    public List<Allocation> getAllocations() {
        return allocations;
    }

    public String getFailureCode() {
        return failureCode;
    }

    public String getFailureMessage() {
        return failureMessage;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public Boolean getLivemode() {
        return livemode;
    }

    public List<String> getPaymentMethodTypes() {
        return paymentMethodTypes;
    }

    public String getCheckoutUrl() {
        return checkoutUrl;
    }

    public String getCaptureMethod() {
        return captureMethod;
    }

    public OffsetDateTime getCaptureBefore() {
        return captureBefore;
    }

    /** The locked FX quote of a payment in another currency than the merchant's settlement currency. */
    public Fx getFx() {
        return fx;
    }

    /** How the payment was routed to a channel account: candidates and attempts. */
    public JsonObject getRouting() {
        return routing;
    }

    /** The risk decisions taken on the payment. */
    public JsonObject getRisk() {
        return risk;
    }
}
