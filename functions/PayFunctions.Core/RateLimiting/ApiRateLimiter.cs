using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.RateLimiting;

/// <summary>Which limits a route is under.</summary>
public enum RateLimitScope
{
    None,
    MerchantApi,
    Operator,
    Notify,

    /// <summary>The public pages, limited per address: the cashier page, its status poll, the store codes and the status page.</summary>
    Payer,
}

/// <summary>
/// The API's rate limits, applied by both hosts around every route: LocalHost in an endpoint filter,
/// the Functions app in a worker middleware. A request over a limit is answered 429 with
/// <c>Retry-After</c> and a <c>rate_limited</c> problem before its handler runs.
/// </summary>
/// <remarks>
/// The client address is the connection's remote address. LocalHost takes it from the socket and
/// ignores forwarding headers. In Azure the Functions host forwards each request to the worker with
/// <c>X-Forwarded-For</c> set to the address the platform saw, and the worker's ASP.NET Core
/// integration applies it to the connection, trusting only its loopback hop and only the last entry,
/// so a caller's own <c>X-Forwarded-For</c> cannot choose its address. IPv6 clients are limited per
/// /64, the block one subscriber is usually given.
/// </remarks>
public sealed partial class ApiRateLimiter
{
    private readonly KeyedRateLimiter apiKeys;
    private readonly KeyedRateLimiter addresses;
    private readonly KeyedRateLimiter unauthenticated;
    private readonly KeyedRateLimiter notify;
    private readonly KeyedRateLimiter payers;
    private readonly ILogger<ApiRateLimiter> logger;

    public ApiRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time, ILogger<ApiRateLimiter> logger)
    {
        var o = options.Value;
        apiKeys = new KeyedRateLimiter(o.ApiKey, o.MaxTrackedKeys, time);
        addresses = new KeyedRateLimiter(o.ClientAddress, o.MaxTrackedKeys, time);
        unauthenticated = new KeyedRateLimiter(o.Unauthenticated, o.MaxTrackedKeys, time);
        notify = new KeyedRateLimiter(o.Notify, o.MaxTrackedKeys, time);
        payers = new KeyedRateLimiter(o.Payer, o.MaxTrackedKeys, time);
        this.logger = logger;
    }

    public static RateLimitScope ScopeOf(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Template switch
        {
            var t when t.StartsWith("v1/", StringComparison.Ordinal) => RateLimitScope.MerchantApi,
            var t when t.StartsWith("ops/", StringComparison.Ordinal) => RateLimitScope.Operator,

            // The token endpoint takes the same credentials as the API: its failures count as the API's do.
            var t when t.StartsWith("oauth/", StringComparison.Ordinal) => RateLimitScope.Operator,
            var t when t.StartsWith("notify/", StringComparison.Ordinal) => RateLimitScope.Notify,
            var t when t.StartsWith("checkout/", StringComparison.Ordinal) || t.StartsWith("s/", StringComparison.Ordinal) => RateLimitScope.Payer,
            var t when t == ApiRoutes.StatusPage.Template => RateLimitScope.Payer,

            // The consoles' pages and files are public like a payer's page, and as cheap: the same per-address limit.
            var t when t == ApiRoutes.MerchantConsole.Template || t.StartsWith("console/", StringComparison.Ordinal) => RateLimitScope.Payer,

            // The API descriptions and their reference pages are public and built once; answering them costs what a console file does.
            var t when t == ApiRoutes.GetOpenApiDocument.Template || t.StartsWith("openapi/", StringComparison.Ordinal) => RateLimitScope.Payer,
            var t when t == ApiRoutes.ApiReference.Template || t.StartsWith("docs/", StringComparison.Ordinal) => RateLimitScope.Payer,
            _ => RateLimitScope.None,
        };
    }

    /// <summary>Before the handler: null to go on, or the 429 to answer instead.</summary>
    public IResult? Admit(HttpContext http, ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(http);
        var scope = ScopeOf(route);
        if (scope == RateLimitScope.None)
        {
            return null;
        }

        var address = AddressKey(http.Connection.RemoteIpAddress);
        if (scope == RateLimitScope.Notify)
        {
            return Refuse(notify.Acquire(address), http, route, "client address");
        }

        if (scope == RateLimitScope.Payer)
        {
            return Refuse(payers.Acquire(address), http, route, "client address");
        }

        return Refuse(unauthenticated.Peek(address), http, route, "client address for failed authentication")
            ?? Refuse(addresses.Acquire(address), http, route, "client address");
    }

    /// <summary>
    /// Once the gate knows the caller: null to go on, or the 429. A merchant's key and every token
    /// made from it share one allowance, so minting tokens cannot multiply a key's limit.
    /// </summary>
    public IResult? AdmitKey(HttpContext http, ApiRoute route, string keyId)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(keyId);
        if (ScopeOf(route) != RateLimitScope.MerchantApi)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(keyId), hash);
        return Refuse(apiKeys.Acquire(BinaryPrimitives.ReadUInt128BigEndian(hash)), http, route, "API key");
    }

    /// <summary>After the handler: an answer of 401 counts against the caller's address.</summary>
    public void Observe(HttpContext http, ApiRoute route, IResult? result)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status401Unauthorized } && ScopeOf(route) is RateLimitScope.MerchantApi or RateLimitScope.Operator)
        {
            unauthenticated.Acquire(AddressKey(http.Connection.RemoteIpAddress));
        }
    }

    /// <summary>IPv4 as its IPv6-mapped form, IPv6 by its /64; an unknown address (no socket) is one key of its own.</summary>
    public static UInt128 AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return UInt128.Zero;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv6();
        }

        address.TryWriteBytes(bytes, out _);
        if (!address.IsIPv4MappedToIPv6)
        {
            bytes[8..].Clear();
        }

        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private RateLimitedResult? Refuse(RateLimitDecision decision, HttpContext http, ApiRoute route, string limit)
    {
        if (decision.Allowed)
        {
            return null;
        }

        var seconds = (int)Math.Clamp(Math.Ceiling(decision.RetryAfter.TotalSeconds), 1, int.MaxValue);
        LogRateLimited(logger, route.Name, limit, http.Connection.RemoteIpAddress, seconds);
        return new RateLimitedResult(
            new ApiError(
                StatusCodes.Status429TooManyRequests,
                "rate_limited",
                "Too many requests.",
                $"Too many requests per {limit}; retry after {seconds.ToString(CultureInfo.InvariantCulture)} s."),
            seconds);
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Debug, Message = "Rate limited {Route} per {Limit} for {Address}; retry after {RetryAfterSeconds} s")]
    private static partial void LogRateLimited(ILogger logger, string route, string limit, IPAddress? address, int retryAfterSeconds);
}

/// <summary>A 429 problem with the <c>Retry-After</c> header.</summary>
public sealed class RateLimitedResult(ApiError problem, int retryAfterSeconds) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => problem.Status;

    public int RetryAfterSeconds => retryAfterSeconds;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return problem.ToResult().ExecuteAsync(httpContext);
    }
}
