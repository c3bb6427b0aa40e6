package com.payfunctions;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HTTP server on loopback that answers from a script, in order, and records what it was sent. */
final class ScriptedServer implements AutoCloseable {
    /** One recorded request. */
    record Request(String method, String uri, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    ScriptedServer() throws IOException {
        this(0);
    }

    ScriptedServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    ScriptedServer reply(int status, String body, String... headerPairs) {
        return reply(status, body.getBytes(StandardCharsets.UTF_8), headerPairs);
    }

    ScriptedServer reply(int status, byte[] body, String... headerPairs) {
        synchronized (script) {
            script.add(new Reply(status, body, headerPairs, 0));
        }
        return this;
    }

    ScriptedServer problem(int status, String code, String param) {
        String body = "{\"type\":\"https://payfunctions.dev/problems/" + code + "\",\"title\":\"Refused\",\"status\":"
                + status + ",\"detail\":\"scripted\",\"code\":\"" + code + "\",\"param\":"
                + (param == null ? "null" : "\"" + param + "\"") + "}";
        return reply(status, body, "Content-Type", "application/problem+json", "Request-Id", "req_" + code);
    }

    /** Answers only after a delay, longer than the client under test waits. */
    ScriptedServer slow(long delayMillis, int status, String body) {
        synchronized (script) {
            script.add(new Reply(status, body.getBytes(StandardCharsets.UTF_8), new String[0], delayMillis));
        }
        return this;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders(), body));
        Reply reply;
        synchronized (script) {
            reply = script.isEmpty() ? new Reply(500, "{\"code\":\"script_exhausted\"}".getBytes(StandardCharsets.UTF_8),
                    new String[0], 0)
                    : script.poll();
        }
        if (reply.delayMillis > 0) {
            try {
                Thread.sleep(reply.delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        byte[] bytes = reply.body;
        for (int i = 0; i + 1 < reply.headers.length; i += 2) {
            exchange.getResponseHeaders().add(reply.headers[i], reply.headers[i + 1]);
        }
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Reply(int status, byte[] body, String[] headers, long delayMillis) {
    }
}
