using PayFunctions.Infrastructure;

namespace PayFunctions;

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
