using System.Net;
using System.Text.Json;
using ChannelSandbox.WeChatPay;
using ChannelSandbox.WeChatPay.WebAuthorization;
using PayFunctions.Channels;

namespace ChannelSandbox.Tests.WeChatPay;

/// <summary>The official account's web authorization (snsapi_base) as the sandbox plays it, and the adapter against it.</summary>
public sealed class WebAuthorizationTests(SandboxHost host) : IClassFixture<SandboxHost>, IDisposable
{
    private const string Callback = "https://pay.example.com/api/s/abc/authorized?lang=zh";
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
    private readonly AdapterAccount _account = new(host);

    public void Dispose()
    {
        _browser.Dispose();
        _account.Dispose();
    }

    [Fact]
    public async Task The_silent_scope_sends_the_browser_straight_back_with_a_code_and_the_state()
    {
        using var response = await _browser.GetAsync(AuthorizePath(state: "S1tate"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Callback + "&code=", location.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("&state=S1tate", location.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redirect_uri=https%3A%2F%2Fx.example&appid=wx8888888888888888&response_type=code&scope=snsapi_base&state=S")]
    [InlineData("appid=wx0000000000000000&redirect_uri=https%3A%2F%2Fx.example&response_type=code&scope=snsapi_base&state=S")]
    [InlineData("appid=wx8888888888888888&redirect_uri=https%3A%2F%2Fx.example&response_type=token&scope=snsapi_base&state=S")]
    [InlineData("appid=wx8888888888888888&redirect_uri=https%3A%2F%2Fx.example&response_type=code&scope=snsapi_userinfo&state=S")]
    [InlineData("appid=wx8888888888888888&redirect_uri=relative%2Fpath&response_type=code&scope=snsapi_base&state=S")]
    [InlineData("appid=wx8888888888888888&redirect_uri=https%3A%2F%2Fx.example&response_type=code&scope=snsapi_base&state=not-alphanumeric")]
    public async Task A_link_out_of_order_or_with_a_wrong_parameter_goes_nowhere(string query)
    {
        using var response = await _browser.GetAsync("/connect/oauth2/authorize?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_code_gives_the_payers_openid_once_then_reads_as_used()
    {
        var code = await CodeAsync(payer: null);

        using var first = await ExchangeAsync(code, host.Secret(WeChatPayKeyFiles.AppSecretSecret));
        using var second = await ExchangeAsync(code, host.Secret(WeChatPayKeyFiles.AppSecretSecret));

        Assert.Equal(WebAuthorizationApi.OpenIdOf(SandboxHost.AppId, "payer"), first.RootElement.GetProperty("openid").GetString());
        Assert.Equal("snsapi_base", first.RootElement.GetProperty("scope").GetString());
        Assert.Equal(7200, first.RootElement.GetProperty("expires_in").GetInt32());
        Assert.False(first.RootElement.TryGetProperty("errcode", out _));
        Assert.Equal(40163, second.RootElement.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task Each_simulated_payer_has_a_stable_openid_of_their_own()
    {
        var secret = host.Secret(WeChatPayKeyFiles.AppSecretSecret);
        using var alice = await ExchangeAsync(await CodeAsync("alice"), secret);
        using var aliceAgain = await ExchangeAsync(await CodeAsync("alice"), secret);
        using var bob = await ExchangeAsync(await CodeAsync("bob"), secret);

        var openId = alice.RootElement.GetProperty("openid").GetString();
        Assert.Matches("^o[A-Za-z0-9_-]{27}$", openId);
        Assert.Equal(openId, aliceAgain.RootElement.GetProperty("openid").GetString());
        Assert.NotEqual(openId, bob.RootElement.GetProperty("openid").GetString());
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_code_is_answered_with_wechats_error_codes()
    {
        var code = await CodeAsync(payer: null);

        using var wrongSecret = await ExchangeAsync(code, "0123456789abcdef0123456789abcdef");
        using var unknown = await ExchangeAsync("NotAnIssuedCode", host.Secret(WeChatPayKeyFiles.AppSecretSecret));
        using var stillValid = await ExchangeAsync(code, host.Secret(WeChatPayKeyFiles.AppSecretSecret));

        Assert.Equal(40125, wrongSecret.RootElement.GetProperty("errcode").GetInt32());
        Assert.Equal(40029, unknown.RootElement.GetProperty("errcode").GetInt32());
        Assert.StartsWith("invalid code", unknown.RootElement.GetProperty("errmsg").GetString(), StringComparison.Ordinal);
        Assert.True(stillValid.RootElement.TryGetProperty("openid", out _));
    }

    [Fact]
    public void A_code_lapses_five_minutes_after_it_was_issued()
    {
        var time = new SteppedTime(DateTimeOffset.Parse("2026-11-29T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var codes = new AuthorizationCodes(time);
        var fresh = codes.Issue(SandboxHost.AppId, "o1", "snsapi_base");
        var stale = codes.Issue(SandboxHost.AppId, "o2", "snsapi_base");

        time.Now += TimeSpan.FromMinutes(4);
        var (inTime, _) = codes.Redeem(SandboxHost.AppId, fresh);
        var (otherApp, otherAppRefusal) = codes.Redeem("wx6666666666666666", stale);
        time.Now += TimeSpan.FromMinutes(1);
        var (late, lateRefusal) = codes.Redeem(SandboxHost.AppId, stale);

        Assert.Equal("o1", inTime?.OpenId);
        Assert.Null(otherApp);
        Assert.Equal(AuthorizationCodes.Refusal.Invalid, otherAppRefusal);
        Assert.Null(late);
        Assert.Equal(AuthorizationCodes.Refusal.Invalid, lateRefusal);
    }

    [Fact]
    public async Task The_adapter_builds_the_documented_link_and_exchanges_the_code_the_sandbox_gives_back()
    {
        var authorization = Assert.IsAssignableFrom<IPayerAuthorization>(_account.Channel);
        var link = authorization.AuthorizeUrl(new Uri(Callback), "abc123");

        Assert.Equal("#wechat_redirect", link.Fragment);
        Assert.Equal(
            "?appid=wx8888888888888888&redirect_uri=" + Uri.EscapeDataString(Callback) + "&response_type=code&scope=snsapi_base&state=abc123",
            link.Query);
        using var response = await _browser.GetAsync(link.PathAndQuery);
        var code = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query)["code"]!;

        Assert.Equal(WebAuthorizationApi.OpenIdOf(SandboxHost.AppId, "payer"), await authorization.PayerIdAsync(code, CancellationToken.None));
        var used = await Assert.ThrowsAsync<ChannelException>(() => authorization.PayerIdAsync(code, CancellationToken.None));
        Assert.Equal("40163", used.Code);
        Assert.False(used.IsTransient);
    }

    private static string AuthorizePath(string state) =>
        "/connect/oauth2/authorize?appid=" + SandboxHost.AppId + "&redirect_uri=" + Uri.EscapeDataString(Callback)
        + "&response_type=code&scope=snsapi_base&state=" + state;

    private async Task<string> CodeAsync(string? payer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AuthorizePath("s"));
        if (payer is not null)
        {
            request.Headers.Add("Cookie", WebAuthorizationApi.PayerCookie + "=" + payer);
        }

        using var response = await _browser.SendAsync(request);
        return System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query)["code"]!;
    }

    private async Task<JsonDocument> ExchangeAsync(string code, string secret)
    {
        var answer = await _browser.GetStringAsync(
            "/sns/oauth2/access_token?appid=" + SandboxHost.AppId + "&secret=" + secret + "&code=" + Uri.EscapeDataString(code) + "&grant_type=authorization_code");
        return JsonDocument.Parse(answer);
    }

    private sealed class SteppedTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
