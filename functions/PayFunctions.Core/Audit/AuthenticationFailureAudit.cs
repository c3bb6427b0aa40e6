using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Http;
using PayFunctions.Core.RateLimiting;

namespace PayFunctions.Core.Audit;

/// <summary>
/// Records the API's 401 answers as <c>authentication.failed</c>, bounded so that an attacker cannot turn the chain
/// into a storage-cost or contention amplifier: at most one record per client address per minute and at most
/// <see cref="AuditOptions.FailuresPerMinute"/> per instance. Failures over either bound are counted, and the count
/// goes into the next record this instance makes, so none is lost from the totals.
/// </summary>
public sealed class AuthenticationFailureAudit
{
    private readonly AuditLog audit;
    private readonly KeyedRateLimiter perAddress;
    private readonly KeyedRateLimiter overall;
    private long unrecorded;

    public AuthenticationFailureAudit(AuditLog audit, IOptions<AuditOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        this.audit = audit;
        perAddress = new KeyedRateLimiter(new RateLimitRule { Limit = o.FailuresPerAddressPerMinute, Window = TimeSpan.FromMinutes(1) }, o.MaxTrackedAddresses, time);
        overall = new KeyedRateLimiter(new RateLimitRule { Limit = o.FailuresPerMinute, Window = TimeSpan.FromMinutes(1) }, 1, time);
    }

    /// <summary>After the handler, next to the rate limiter's own look at the answer.</summary>
    public Task ObserveAsync(HttpContext http, ApiRoute route, IResult? result)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (result is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status401Unauthorized }
            || ApiRateLimiter.ScopeOf(route) is not (RateLimitScope.MerchantApi or RateLimitScope.Operator))
        {
            return Task.CompletedTask;
        }

        var address = http.Connection.RemoteIpAddress;
        if (!perAddress.Acquire(ApiRateLimiter.AddressKey(address)).Allowed || !overall.Acquire(UInt128.Zero).Allowed)
        {
            Interlocked.Increment(ref unrecorded);
            return Task.CompletedTask;
        }

        var detail = new Dictionary<string, object?>
        {
            ["method"] = route.Method,
            ["unrecorded_failures_before"] = Interlocked.Exchange(ref unrecorded, 0),
        };
        return audit.AppendAsync(new AuditEvent(AuditEventTypes.AuthenticationFailed, AuditActors.Anonymous(address), route.Name, detail, AuditRequests.IdOf(http)));
    }
}
