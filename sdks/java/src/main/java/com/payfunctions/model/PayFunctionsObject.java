package com.payfunctions.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Base of every object the API answers. The typed getters cover the documented fields; the JSON the
 * object was read from stays available, so fields added to the API later are not lost.
 */
public abstract class PayFunctionsObject {
    private transient JsonObject rawJson;

    /** The JSON object this was read from. */
    public JsonObject getRawJson() {
        return rawJson;
    }

    /** One field of the JSON object by its wire name, or {@code null} when absent. */
    public JsonElement get(String name) {
        return rawJson == null ? null : rawJson.get(name);
    }

    void setRawJson(JsonObject rawJson) {
        this.rawJson = rawJson;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (rawJson == null ? "{}" : rawJson.toString());
    }
}
