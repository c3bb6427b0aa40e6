package com.payfunctions;

import com.payfunctions.model.ChannelAccount;

/** The channel accounts the merchant's payments may be routed to: {@code /v1/channel_accounts}. */
public final class ChannelAccountService extends ApiService {
    ChannelAccountService(ApiRequestor requestor) {
        super(requestor);
    }

    public Page<ChannelAccount> list() {
        return fetchList("/v1/channel_accounts", ChannelAccount.class);
    }
}
