package com.payfunctions.model;

import com.google.gson.JsonObject;

/** What an event is about: the object as it was when the event happened. */
public final class EventData extends PayFunctionsObject {
    private JsonObject object;

    /** The object as JSON; {@link Event#getDataObject()} gives it typed. */
    public JsonObject getObject() {
        return object;
    }
}
