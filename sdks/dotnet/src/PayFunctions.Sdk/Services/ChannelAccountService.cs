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
