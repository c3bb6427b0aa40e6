package com.payfunctions;

import com.payfunctions.model.Account;
import com.payfunctions.param.AccountCreateParams;
import com.payfunctions.param.ListParams;

/** Connected accounts, the receivers of splits: {@code /v1/accounts}. */
public final class AccountService extends ApiService {
    AccountService(ApiRequestor requestor) {
        super(requestor);
    }

    public Account create(AccountCreateParams params) {
        return create(params, RequestOptions.none());
    }

    public Account create(AccountCreateParams params, RequestOptions options) {
        return send("/v1/accounts", params, options, Account.class);
    }

    public Page<Account> list(ListParams params) {
        return fetchPagedList("/v1/accounts", params, Account.class);
    }

    public Page<Account> list() {
        return list(null);
    }

    public Account retrieve(String id) {
        return fetch("/v1/accounts/" + id(id), null, Account.class);
    }

    /** Deactivates an account: new splits may no longer pay it. */
    public Account deactivate(String id) {
        return deactivate(id, RequestOptions.none());
    }

    public Account deactivate(String id, RequestOptions options) {
        return send("/v1/accounts/" + id(id) + "/deactivate", null, options, Account.class);
    }
}
