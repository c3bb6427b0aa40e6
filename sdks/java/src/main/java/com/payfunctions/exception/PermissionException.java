package com.payfunctions.exception;

import com.google.gson.JsonObject;

/** The API key lacks the scope the operation needs (403). */
public class PermissionException extends PayFunctionsException {
    private static final long serialVersionUID = 1L;

    public PermissionException(String message, int status, JsonObject problem, String requestId) {
        super(message, status, problem, requestId, null);
    }
}
