package com.payfunctions;

import com.payfunctions.model.Balance;

/** The merchant's balance: {@code /v1/balance}. */
public final class BalanceService extends ApiService {
    BalanceService(ApiRequestor requestor) {
        super(requestor);
    }

    public Balance retrieve() {
        return fetch("/v1/balance", null, Balance.class);
    }
}
