package com.payfunctions.exception;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The base of every error the SDK throws, so a single {@code catch} handles them all.
 *
 * <p>An error answered by the API carries its problem document (RFC 9457) and the {@code Request-Id}
 * response header; quote the request id when asking support about a failed call.
 */
public class PayFunctionsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String requestId;
    private final transient JsonObject problem;

    public PayFunctionsException(String message, int status, JsonObject problem, String requestId, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problem = problem;
        this.requestId = requestId;
    }

    /** The HTTP status of the answer, or 0 when no answer was received. */
    public int getStatus() {
        return status;
    }

    /** The {@code Request-Id} header of the answer, or {@code null} when the host sent none. */
    public String getRequestId() {
        return requestId;
    }

    /** The whole problem document as parsed, or {@code null} when the answer had none. */
    public JsonObject getProblem() {
        return problem;
    }

    /** The stable machine-readable problem code, e.g. {@code parameter_invalid}. */
    public String getCode() {
        return problemString("code");
    }

    /** The request parameter the problem is about, when there is one. */
    public String getParam() {
        return problemString("param");
    }

    public String getTitle() {
        return problemString("title");
    }

    public String getDetail() {
        return problemString("detail");
    }

    /** The problem type URI. */
    public String getType() {
        return problemString("type");
    }

    private String problemString(String name) {
        if (problem == null) {
            return null;
        }
        JsonElement value = problem.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
