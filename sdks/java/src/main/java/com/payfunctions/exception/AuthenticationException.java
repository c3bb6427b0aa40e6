package com.payfunctions.exception;

import com.google.gson.JsonObject;

/** The API key is missing, unknown, expired or revoked (401). */
public class AuthenticationException extends PayFunctionsException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message, int status, JsonObject problem, String requestId) {
        super(message, status, problem, requestId, null);
    }
}
