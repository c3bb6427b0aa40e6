using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.RateLimiting;

namespace PayFunctions.Core.Tests.RateLimiting;

public sealed class ApiRateLimiterTests
{
    private readonly FakeTimeProvider time = new();

    private readonly RateLimitOptions options = new()
    {
        ApiKey = new() { Limit = 5, Window = TimeSpan.FromSeconds(1) },
        ClientAddress = new() { Limit = 8, Window = TimeSpan.FromSeconds(1) },
        Unauthenticated = new() { Limit = 3, Window = TimeSpan.FromMinutes(1) },
        Notify = new() { Limit = 4, Window = TimeSpan.FromSeconds(2) },
    };

    [Fact]
    public void EveryRouteButHealth_IsUnderALimit()
    {
        Assert.All(ApiRoutes.All.Where(r => r != ApiRoutes.Health), r => Assert.NotEqual(RateLimitScope.None, ApiRateLimiter.ScopeOf(r)));
        Assert.Equal(RateLimitScope.None, ApiRateLimiter.ScopeOf(ApiRoutes.Health));
        Assert.Equal(RateLimitScope.MerchantApi, ApiRateLimiter.ScopeOf(ApiRoutes.CreatePayment));
        Assert.Equal(RateLimitScope.Operator, ApiRateLimiter.ScopeOf(ApiRoutes.CreateMerchant));
        Assert.Equal(RateLimitScope.Notify, ApiRateLimiter.ScopeOf(ApiRoutes.ChannelNotify));
        Assert.Equal(RateLimitScope.Payer, ApiRateLimiter.ScopeOf(ApiRoutes.CheckoutPage));
        Assert.Equal(RateLimitScope.Payer, ApiRateLimiter.ScopeOf(ApiRoutes.StoreCodePay));
        Assert.Equal(RateLimitScope.Payer, ApiRateLimiter.ScopeOf(ApiRoutes.ConsoleAsset));
    }

    [Fact]
    public async Task KeyBurst_Answers429WithRetryAfterAndProblem_AndLeavesOtherKeysAlone()
    {
        var limiter = Limiter();

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Null(limiter.AdmitKey(Request("10.0.0.1", null), ApiRoutes.ListPayments, "key_one")));
        var refused = limiter.AdmitKey(Request("10.0.0.2", null), ApiRoutes.CreatePayment, "key_one");

        var (status, headers, problem) = await ExecuteAsync(refused);
        Assert.Equal(StatusCodes.Status429TooManyRequests, status);
        Assert.Equal("1", headers.RetryAfter.ToString());
        Assert.Equal("application/problem+json", headers.ContentType.ToString());
        Assert.Equal("rate_limited", (string?)problem["code"]);
        Assert.Equal(429, (int?)problem["status"]);
        Assert.Null(limiter.AdmitKey(Request("10.0.0.1", null), ApiRoutes.ListPayments, "key_two"));

        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Null(limiter.AdmitKey(Request("10.0.0.3", null), ApiRoutes.ListPayments, "key_one"));
    }

    [Fact]
    public void TheKeyLimit_IsTheMerchantApis_Only()
    {
        var limiter = Limiter();

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Null(limiter.AdmitKey(Request("10.0.0.1", null), ApiRoutes.RunSettlement, "key_one")));
        Assert.All(Enumerable.Range(0, 5), _ => Assert.Null(limiter.AdmitKey(Request("10.0.0.1", null), ApiRoutes.ListPayments, "key_one")));
        Assert.IsType<RateLimitedResult>(limiter.AdmitKey(Request("10.0.0.1", null), ApiRoutes.ListPayments, "key_one"));
    }

    [Fact]
    public void AddressBurst_IsLimitedAcrossKeys()
    {
        var limiter = Limiter();

        Assert.All(Enumerable.Range(0, 8), i => Assert.Null(limiter.Admit(Request("203.0.113.9", $"sk_{i}"), ApiRoutes.GetBalance)));

        Assert.IsType<RateLimitedResult>(limiter.Admit(Request("203.0.113.9", "sk_fresh"), ApiRoutes.GetBalance));
        Assert.Null(limiter.Admit(Request("203.0.113.10", "sk_fresh"), ApiRoutes.GetBalance));
    }

    [Fact]
    public void FailedAuthentication_ClosesTheAddressSoonerThanTraffic()
    {
        var limiter = Limiter();
        var unauthorized = ApiError.Unauthenticated().ToResult();

        for (var i = 0; i < 3; i++)
        {
            var http = Request("198.51.100.7", $"sk_guess_{i}");
            Assert.Null(limiter.Admit(http, ApiRoutes.CreateMerchant));
            limiter.Observe(http, ApiRoutes.CreateMerchant, unauthorized);
        }

        var refused = Assert.IsType<RateLimitedResult>(limiter.Admit(Request("198.51.100.7", "sk_guess_3"), ApiRoutes.GetPayment));
        Assert.Equal(20, refused.RetryAfterSeconds);
        Assert.Null(limiter.Admit(Request("198.51.100.8", "sk_guess_3"), ApiRoutes.GetPayment));

        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(limiter.Admit(Request("198.51.100.7", "sk_guess_3"), ApiRoutes.GetPayment));
    }

    [Fact]
    public void SuccessfulAnswers_DoNotCountAsFailedAuthentication()
    {
        var limiter = Limiter();

        for (var i = 0; i < 6; i++)
        {
            var http = Request("192.0.2.1", "sk_ok");
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Null(limiter.Admit(http, ApiRoutes.ListPayments));
            limiter.Observe(http, ApiRoutes.ListPayments, Results.Ok());
            limiter.Observe(http, ApiRoutes.ListPayments, ApiError.NotFound("payment", "id").ToResult());
        }
    }

    [Fact]
    public void Notify_IsLimitedPerAddress_AndHealthNever()
    {
        var limiter = Limiter();

        Assert.All(Enumerable.Range(0, 4), _ => Assert.Null(limiter.Admit(Request("101.226.103.1", null), ApiRoutes.ChannelNotify)));
        Assert.IsType<RateLimitedResult>(limiter.Admit(Request("101.226.103.1", null), ApiRoutes.ChannelNotify));
        Assert.Null(limiter.Admit(Request("101.226.103.2", null), ApiRoutes.ChannelNotify));
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Null(limiter.Admit(Request("101.226.103.1", null), ApiRoutes.Health)));
    }

    [Fact]
    public void ForwardingHeaders_DoNotChooseTheAddress()
    {
        var limiter = Limiter();
        for (var i = 0; i < 4; i++)
        {
            var http = Request("101.226.103.1", null);
            http.Request.Headers["X-Forwarded-For"] = $"1.2.3.{i}";
            Assert.Null(limiter.Admit(http, ApiRoutes.ChannelNotify));
        }

        var spoofed = Request("101.226.103.1", null);
        spoofed.Request.Headers["X-Forwarded-For"] = "8.8.8.8";
        Assert.NotNull(limiter.Admit(spoofed, ApiRoutes.ChannelNotify));
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("203.0.113.5", "::ffff:203.0.113.5", true)]
    [InlineData("203.0.113.5", "203.0.113.6", false)]
    public void Addresses_ShareALimitPerIPv4AddressAndPerIPv6Slash64(string first, string second, bool shared) =>
        Assert.Equal(shared, ApiRateLimiter.AddressKey(IPAddress.Parse(first)) == ApiRateLimiter.AddressKey(IPAddress.Parse(second)));

    [Fact]
    public void Options_Defaults_AreValid_AndNonsenseIsNot()
    {
        Assert.True(new RateLimitOptions().IsValid());
        Assert.False(new RateLimitOptions { ApiKey = new() { Limit = 0, Window = TimeSpan.FromSeconds(1) } }.IsValid());
        Assert.False(new RateLimitOptions { Notify = new() { Limit = 10, Window = TimeSpan.Zero } }.IsValid());
        Assert.False(new RateLimitOptions { MaxTrackedKeys = 10 }.IsValid());
    }

    private ApiRateLimiter Limiter() => new(Options.Create(options), time, NullLogger<ApiRateLimiter>.Instance);

    private static DefaultHttpContext Request(string address, string? apiKey)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (apiKey is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + apiKey;
        }

        return http;
    }

    private static async Task<(int Status, IHeaderDictionary Headers, JsonObject Problem)> ExecuteAsync(IResult? result)
    {
        Assert.NotNull(result);
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, http.Response.Headers, JsonNode.Parse(body.ToArray())!.AsObject());
    }
}
