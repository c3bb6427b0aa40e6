package com.payfunctions.exception;

import com.google.gson.JsonObject;

/** The request was refused as malformed or invalid (400); {@link #getParam()} names the culprit. */
public class InvalidRequestException extends PayFunctionsException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message, int status, JsonObject problem, String requestId) {
        super(message, status, problem, requestId, null);
    }
}
