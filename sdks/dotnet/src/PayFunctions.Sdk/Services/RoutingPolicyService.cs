using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>The merchant's routing policy.</summary>
public sealed class RoutingPolicyService : Service
{
    private const string Path = "/v1/routing";

    internal RoutingPolicyService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Reads the policy (<c>GET /v1/routing</c>).</summary>
    public Task<RoutingPolicy> GetAsync(CancellationToken cancellationToken = default) =>
        GetAsync<RoutingPolicy>(Path, null, cancellationToken);

    /// <summary>Replaces the policy (<c>POST /v1/routing</c>).</summary>
    public Task<RoutingPolicy> UpdateAsync(
        RoutingPolicy policy, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PostAsync<RoutingPolicy>(Path, policy, requestOptions, cancellationToken);
    }
}
