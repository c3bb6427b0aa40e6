package com.payfunctions.exception;

import com.google.gson.JsonObject;

/** The object does not exist, or is not this merchant's (404). */
public class NotFoundException extends PayFunctionsException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, int status, JsonObject problem, String requestId) {
        super(message, status, problem, requestId, null);
    }
}
