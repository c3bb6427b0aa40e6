package com.payfunctions;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.payfunctions.exception.ApiConnectionException;
import com.payfunctions.exception.PayFunctionsException;
import com.payfunctions.model.ApiJson;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends one API call: headers, idempotency key, retries with backoff, and errors from problem documents. */
final class ApiRequestor {
    private static final String USER_AGENT = "payfunctions-java/" + PayFunctionsClient.VERSION;

    private final String apiKey;
    private final String baseUrl;
    private final int maxRetries;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final RetryPolicy retryPolicy;
    private final HttpClient http;

    ApiRequestor(String apiKey, String baseUrl, int maxRetries, Duration timeout, Sleeper sleeper,
            RetryPolicy retryPolicy) {
        this.apiKey = apiKey;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.maxRetries = maxRetries;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.retryPolicy = retryPolicy;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** A JSON call answered by an object of {@code type}. */
    <T> T json(String method, String path, Map<String, Object> query, Map<String, Object> body,
            RequestOptions options, Type type) {
        HttpResponse<byte[]> response = send(method, path, query, body, options);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        try {
            return ApiJson.GSON.fromJson(text, type);
        } catch (JsonParseException e) {
            throw new PayFunctionsException("The answer is not the JSON expected: " + e.getMessage(),
                    response.statusCode(), null, requestId(response), e);
        }
    }

    /** A call answered by bytes, e.g. an image. */
    byte[] bytes(String path) {
        return send("GET", path, Map.of(), null, RequestOptions.none()).body();
    }

    /** Every attempt of one call; a POST keeps the same idempotency key across them. */
    private HttpResponse<byte[]> send(String method, String path, Map<String, Object> query,
            Map<String, Object> body, RequestOptions options) {
        HttpRequest request = build(method, path, query, body, options);
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = exchange(request);
            } catch (IOException e) {
                if (attempt >= maxRetries) {
                    throw new ApiConnectionException(
                            "No answer from " + request.uri() + " after " + (attempt + 1) + " attempt(s): " + e, e);
                }
                pause(retryPolicy.delay(attempt, null));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiConnectionException("Interrupted while calling " + request.uri(), e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            JsonObject problem = problem(response.body());
            if (attempt < maxRetries && RetryPolicy.isRetryable(status, string(problem, "code"))) {
                pause(retryPolicy.delay(attempt, response.headers().firstValue("Retry-After").orElse(null)));
                continue;
            }
            throw Errors.from(status, problem, requestId(response));
        }
    }

    /**
     * One attempt, bounded by the timeout as a whole: the request's own timeout stops at the answer's
     * headers, and a body that stalls after them must not hang the caller.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("No complete answer within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IOException(cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private HttpRequest build(String method, String path, Map<String, Object> query, Map<String, Object> body,
            RequestOptions options) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path + queryString(query)))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
        if ("POST".equals(method)) {
            String key = options.getIdempotencyKey() != null
                    ? options.getIdempotencyKey()
                    : UUID.randomUUID().toString();
            builder.header("Idempotency-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            ApiJson.GSON.toJson(body == null ? Map.of() : body), StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while waiting to retry", e);
        }
    }

    static String segment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryString(Map<String, Object> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            out.append(out.length() == 0 ? '?' : '&')
                    .append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(String.valueOf(entry.getValue()), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static JsonObject problem(byte[] body) {
        try {
            JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object == null ? null : object.get(name);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("Request-Id").orElse(null);
    }
}
