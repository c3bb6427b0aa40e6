package com.payfunctions.exception;

/** No answer was received: the connection failed, was reset or timed out, after the last retry. */
public class ApiConnectionException extends PayFunctionsException {
    private static final long serialVersionUID = 1L;

    public ApiConnectionException(String message, Throwable cause) {
        super(message, 0, null, null, cause);
    }
}
