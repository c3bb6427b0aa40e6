package com.payfunctions.exception;

/** A webhook delivery failed verification: it must not be trusted or acted on. */
public class WebhookVerificationException extends PayFunctionsException {
    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String message) {
        super(message, 0, null, null, null);
    }

    public WebhookVerificationException(String message, Throwable cause) {
        super(message, 0, null, null, cause);
    }
}
