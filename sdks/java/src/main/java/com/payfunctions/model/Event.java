package com.payfunctions.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;

/** An event delivered by webhook, e.g. {@code payment.succeeded} or {@code refund.succeeded}. */
public final class Event extends PayFunctionsObject implements HasId {
    private static final Map<String, Class<? extends PayFunctionsObject>> TYPES = Map.of(
            "payment", Payment.class,
            "refund", Refund.class,
            "account", Account.class,
            "api_key", ApiKey.class,
            "store", Store.class,
            "settlement", Settlement.class,
            "risk_rule", RiskRule.class,
            "webhook_delivery", WebhookDelivery.class);

    private String id;
    private String object;
    private String type;
    private OffsetDateTime createdAt;
    private Boolean livemode;
    private EventData data;

    @Override
    public String getId() {
        return id;
    }

    public String getObject() {
        return object;
    }

    public String getType() {
        return type;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public Boolean getLivemode() {
        return livemode;
    }

    public EventData getData() {
        return data;
    }

    /**
     * The event's object as the SDK's class for its {@code object} type (a {@link Payment} for
     * {@code payment.*} events, a {@link Refund} for {@code refund.*}), or an {@link UntypedObject}.
     */
    public PayFunctionsObject getDataObject() {
        JsonObject json = data == null ? null : data.getObject();
        if (json == null) {
            return null;
        }
        JsonElement kind = json.get("object");
        Class<? extends PayFunctionsObject> type = kind != null && kind.isJsonPrimitive()
                ? TYPES.getOrDefault(kind.getAsString(), UntypedObject.class)
                : UntypedObject.class;
        return ApiJson.GSON.fromJson(json, type);
    }
}
