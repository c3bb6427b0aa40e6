package com.payfunctions;

import com.payfunctions.model.Settlement;

/** The merchant's settlements, one per day and currency: {@code /v1/settlements}. */
public final class SettlementService extends ApiService {
    SettlementService(ApiRequestor requestor) {
        super(requestor);
    }

    public Page<Settlement> list() {
        return fetchList("/v1/settlements", Settlement.class);
    }
}
