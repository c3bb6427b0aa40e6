package com.payfunctions.model;

import com.google.gson.JsonObject;
import java.util.List;

/** The merchant's routing policy: how payments choose a channel account. */
public final class RoutingPolicy extends PayFunctionsObject {
    private String object;
    private String objective;
    private Double costWeight;
    private String utcOffset;
    private List<JsonObject> rules;
    private List<AccountFee> fees;

    public String getObject() {
        return object;
    }

    public String getObjective() {
        return objective;
    }

    public Double getCostWeight() {
        return costWeight;
    }

    public String getUtcOffset() {
        return utcOffset;
    }

    /** The routing rules, each with {@code name}, {@code when} and {@code candidates}. */
    public List<JsonObject> getRules() {
        return rules;
    }

    public List<AccountFee> getFees() {
        return fees;
    }
}
