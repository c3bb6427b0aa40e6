package com.payfunctions.exception;

import com.google.gson.JsonObject;

/** The request conflicts with the object's state or with a concurrent request (409). */
public class ConflictException extends PayFunctionsException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message, int status, JsonObject problem, String requestId) {
        super(message, status, problem, requestId, null);
    }
}
