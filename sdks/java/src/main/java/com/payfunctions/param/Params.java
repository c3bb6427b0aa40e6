package com.payfunctions.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Base of every parameter object: an immutable map from the API's own (snake_case) parameter names to
 * values, built by a typed builder. Parameters left unset are not sent.
 */
public abstract class Params {
    private final Map<String, Object> values;

    protected Params(Map<String, Object> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(name,
                value instanceof List ? Collections.unmodifiableList(new ArrayList<>((List<?>) value)) : value));
        this.values = Collections.unmodifiableMap(copy);
    }

    /** The parameters by wire name; nested parameter objects are maps and lists of maps. */
    public Map<String, Object> toMap() {
        return values;
    }

    /**
     * A builder of {@code P}.
     *
     * @param <B> the builder itself, so setters chain
     * @param <P> the parameters built
     */
    public abstract static class Builder<B extends Builder<B, P>, P extends Params> {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Function<Map<String, Object>, P> factory;

        protected Builder(Function<Map<String, Object>, P> factory) {
            this.factory = factory;
        }

        /** Sets a parameter this version of the SDK has no setter for; sent as given. */
        public B putExtraParam(String name, Object value) {
            return put(name, value);
        }

        protected B put(String name, Object value) {
            values.put(name, plain(value));
            return self();
        }

        /** Appends to a list parameter, for setters named {@code addX}. */
        @SuppressWarnings("unchecked")
        protected B add(String name, Object item) {
            ((List<Object>) values.computeIfAbsent(name, k -> new ArrayList<>())).add(plain(item));
            return self();
        }

        public P build() {
            return factory.apply(values);
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        private static Object plain(Object value) {
            if (value instanceof Params) {
                return ((Params) value).toMap();
            }
            if (value instanceof List) {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(plain(item));
                }
                return items;
            }
            return value;
        }
    }
}
