using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>The channel accounts the merchant's payments may be routed to.</summary>
public sealed class ChannelAccountService : Service
{
    internal ChannelAccountService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Lists them (<c>GET /v1/channel_accounts</c>).</summary>
    public Task<ListPage<ChannelAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<ChannelAccount>>("/v1/channel_accounts", null, cancellationToken);
}

/// <summary>The merchant's settlements.</summary>
public sealed class SettlementService : Service
{
    internal SettlementService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Lists them, newest first (<c>GET /v1/settlements</c>).</summary>
    public Task<ListPage<Settlement>> ListAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<Settlement>>("/v1/settlements", null, cancellationToken);
}

/// <summary>The merchant's balance.</summary>
public sealed class BalanceService : Service
{
    internal BalanceService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Reads it off the ledger (<c>GET /v1/balance</c>).</summary>
    public Task<Balance> GetAsync(CancellationToken cancellationToken = default) =>
        GetAsync<Balance>("/v1/balance", null, cancellationToken);
}
