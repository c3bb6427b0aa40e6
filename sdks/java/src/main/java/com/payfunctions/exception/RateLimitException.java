package com.payfunctions.exception;

import com.google.gson.JsonObject;

/** Too many requests, still refused after the configured retries (429). */
public class RateLimitException extends PayFunctionsException {
    private static final long serialVersionUID = 1L;

    public RateLimitException(String message, int status, JsonObject problem, String requestId) {
        super(message, status, problem, requestId, null);
    }
}
