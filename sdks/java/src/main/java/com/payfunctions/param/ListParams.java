package com.payfunctions.param;

import java.util.Map;

/** The paging parameters of a list: {@code limit} and {@code starting_after}. */
public final class ListParams extends Params {
    private ListParams(Map<String, Object> values) {
        super(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ListParams}. */
    public static final class Builder extends Params.Builder<Builder, ListParams> {
        private Builder() {
            super(ListParams::new);
        }

        /** How many to answer per page, 1 to 100 (default 10). */
        public Builder limit(int limit) {
            return put("limit", limit);
        }

        /** The last id of the previous page: the page after it. */
        public Builder startingAfter(String id) {
            return put("starting_after", id);
        }
    }
}
