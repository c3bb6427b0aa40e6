package com.payfunctions.exception;

import com.google.gson.JsonObject;

/** A server error (5xx) or any answer the other classes do not describe. */
public class ApiException extends PayFunctionsException {
    private static final long serialVersionUID = 1L;

    public ApiException(String message, int status, JsonObject problem, String requestId) {
        super(message, status, problem, requestId, null);
    }
}
