package com.payfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every operation a merchant's API key may call has exactly one client method, and no more. */
class CoverageTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static Set<String> apiKeyOperations() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Env.API_BASE + "/openapi.json"))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonObject document = JsonParser.parseString(response.body()).getAsJsonObject();
        JsonArray globalSecurity = document.has("security") ? document.getAsJsonArray("security") : new JsonArray();
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonElement> operation : path.getValue().getAsJsonObject().entrySet()) {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue;
                }
                JsonObject body = operation.getValue().getAsJsonObject();
                JsonArray security = body.has("security") ? body.getAsJsonArray("security") : globalSecurity;
                boolean apiKey = false;
                for (JsonElement requirement : security) {
                    apiKey |= requirement.getAsJsonObject().has("apiKey");
                }
                if (apiKey) {
                    operations.add(body.get("operationId").getAsString());
                }
            }
        }
        return operations;
    }

    @Test
    void theTableAndTheDocumentNameTheSameOperations() throws Exception {
        Set<String> documented = apiKeyOperations();
        assertTrue(documented.size() > 30, "operations found: " + documented);

        Set<String> unmapped = new TreeSet<>(documented);
        unmapped.removeAll(Operations.METHODS.keySet());
        Set<String> stale = new TreeSet<>(Operations.METHODS.keySet());
        stale.removeAll(documented);

        assertEquals(Set.of(), unmapped, "operations without a method");
        assertEquals(Set.of(), stale, "methods of operations the document does not have");
    }

    @Test
    void everyMappedMethodExistsAndEveryServiceMethodIsMapped() throws Exception {
        Set<String> mapped = new HashSet<>(Operations.METHODS.values());
        assertEquals(Operations.METHODS.size(), mapped.size(), "two operations share a method");
        for (String target : mapped) {
            String[] parts = target.split("\\.");
            Method accessor = PayFunctionsClient.class.getMethod(parts[0]);
            boolean found = Arrays.stream(accessor.getReturnType().getMethods())
                    .anyMatch(m -> m.getName().equals(parts[1]));
            assertTrue(found, target + " is not a method of " + accessor.getReturnType().getSimpleName());
        }
        for (Method accessor : PayFunctionsClient.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(accessor.getModifiers()) || Modifier.isStatic(accessor.getModifiers())) {
                continue;
            }
            Set<String> names = Arrays.stream(accessor.getReturnType().getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()))
                    .map(m -> accessor.getName() + "." + m.getName())
                    .collect(Collectors.toSet());
            for (String name : names) {
                assertTrue(mapped.contains(name), name + " has no operation in the table");
            }
        }
    }
}
