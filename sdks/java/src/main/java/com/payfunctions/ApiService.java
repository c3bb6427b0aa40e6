package com.payfunctions;

import com.google.gson.reflect.TypeToken;
import com.payfunctions.param.Params;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every resource service shares: calls through the client's requestor. */
abstract class ApiService {
    private final ApiRequestor requestor;

    ApiService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    <T> T fetch(String path, Params query, Class<T> type) {
        return requestor.json("GET", path, map(query), null, RequestOptions.none(), type);
    }

    <T> T send(String path, Params body, RequestOptions options, Class<T> type) {
        return requestor.json("POST", path, Map.of(), map(body), options, type);
    }

    <T> T remove(String path, Class<T> type) {
        return requestor.json("DELETE", path, Map.of(), null, RequestOptions.none(), type);
    }

    byte[] fetchBytes(String path) {
        return requestor.bytes(path);
    }

    /** A list that pages with {@code starting_after}: its pages know how to fetch the next one. */
    <T> Page<T> fetchPagedList(String path, Params query, Class<T> itemType) {
        return page(path, map(query), itemType, true);
    }

    /** A list the API answers in one page. */
    <T> Page<T> fetchList(String path, Class<T> itemType) {
        return page(path, Map.of(), itemType, false);
    }

    static String id(String value) {
        return ApiRequestor.segment(value);
    }

    private <T> Page<T> page(String path, Map<String, Object> query, Class<T> itemType, boolean paged) {
        Type type = TypeToken.getParameterized(Page.class, itemType).getType();
        Page<T> page = requestor.json("GET", path, query, null, RequestOptions.none(), type);
        if (paged) {
            page.setNextPage(lastId -> {
                Map<String, Object> next = new LinkedHashMap<>(query);
                next.put("starting_after", lastId);
                return page(path, next, itemType, true);
            });
        }
        return page;
    }

    private static Map<String, Object> map(Params params) {
        return params == null ? Map.of() : params.toMap();
    }
}
