using PayFunctions.Infrastructure;

namespace PayFunctions;

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
