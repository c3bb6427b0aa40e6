package com.payfunctions;

/** The test environment variables of the SDK contract, with the local demo's defaults. */
final class Env {
    static final String API_BASE = get("PAYFUNCTIONS_API_BASE", "http://127.0.0.1:7071/api");
    static final String API_KEY = get("PAYFUNCTIONS_API_KEY", "sk_test_demo_0000000000000000000000");
    static final String SANDBOX_URL = get("PAYFUNCTIONS_SANDBOX_URL", "http://127.0.0.1:7080");
    static final String WEBHOOK_SECRET = get("PAYFUNCTIONS_WEBHOOK_SECRET",
            "whsec_ZGVtby13ZWJob29rLXNlY3JldC0wMDAwMDA=");

    private Env() {
    }

    private static String get(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
