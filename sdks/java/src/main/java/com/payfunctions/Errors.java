package com.payfunctions;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.payfunctions.exception.ApiException;
import com.payfunctions.exception.AuthenticationException;
import com.payfunctions.exception.ConflictException;
import com.payfunctions.exception.InvalidRequestException;
import com.payfunctions.exception.NotFoundException;
import com.payfunctions.exception.PayFunctionsException;
import com.payfunctions.exception.PermissionException;
import com.payfunctions.exception.RateLimitException;

/** Maps a non-2xx answer to the exception class its status calls for. */
final class Errors {
    private Errors() {
    }

    static PayFunctionsException from(int status, JsonObject problem, String requestId) {
        String message = message(status, problem, requestId);
        switch (status) {
            case 400:
                return new InvalidRequestException(message, status, problem, requestId);
            case 401:
                return new AuthenticationException(message, status, problem, requestId);
            case 403:
                return new PermissionException(message, status, problem, requestId);
            case 404:
                return new NotFoundException(message, status, problem, requestId);
            case 409:
                return new ConflictException(message, status, problem, requestId);
            case 429:
                return new RateLimitException(message, status, problem, requestId);
            default:
                return new ApiException(message, status, problem, requestId);
        }
    }

    private static String message(int status, JsonObject problem, String requestId) {
        StringBuilder out = new StringBuilder("HTTP ").append(status);
        String title = field(problem, "title");
        String detail = field(problem, "detail");
        String code = field(problem, "code");
        String param = field(problem, "param");
        if (title != null) {
            out.append(": ").append(title);
        }
        if (detail != null) {
            out.append(" - ").append(detail);
        }
        if (code != null) {
            out.append(" [code=").append(code).append(param == null ? "" : ", param=" + param).append(']');
        }
        if (requestId != null) {
            out.append(" (request ").append(requestId).append(')');
        }
        return out.toString();
    }

    private static String field(JsonObject problem, String name) {
        JsonElement value = problem == null ? null : problem.get(name);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }
}
