using System.Text;
using PayFunctions.Channels;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.WeChatPay;

/// <summary>The adapter behind an account-level fault prefix: what each injected fault looks like to the platform.</summary>
public sealed class FaultProfileTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task An_order_placed_through_the_prefix_is_signed_over_the_prefixed_path_and_reaches_the_simulator()
    {
        var profile = await NewProfileAsync("{}");
        using var account = Account(profile);
        var outTradeNo = Prepay.NewOutTradeNo();

        var result = await account.Channel.PrepayAsync(Order(outTradeNo), CancellationToken.None);

        Assert.IsType<DisplayQrCode>(result.NextAction);
        Assert.Equal("NOTPAY", (await Prepay.QueryAsync(host, outTradeNo)).GetProperty("trade_state").GetString());
    }

    [Fact]
    public async Task An_injected_failure_is_a_transient_channel_error()
    {
        var profile = await NewProfileAsync("""{"failure_rate": 1}""");
        using var account = Account(profile);

        var error = await Assert.ThrowsAsync<ChannelException>(() => account.Channel.PrepayAsync(Order(Prepay.NewOutTradeNo()), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(503, error.HttpStatus);
    }

    [Fact]
    public async Task A_reached_limit_is_a_refusal_the_platform_does_not_retry()
    {
        var profile = await NewProfileAsync("""{"limit_count": 1, "limit_path": "/v3/pay/transactions/"}""");
        using var account = Account(profile);

        await account.Channel.PrepayAsync(Order(Prepay.NewOutTradeNo()), CancellationToken.None);
        var error = await Assert.ThrowsAsync<ChannelException>(() => account.Channel.PrepayAsync(Order(Prepay.NewOutTradeNo()), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal("LIMIT_EXCEEDED", error.Code);
    }

    private async Task<string> NewProfileAsync(string settings)
    {
        var profile = "wx-" + Guid.NewGuid().ToString("N")[..12];
        using var response = await host.Client.PutAsync($"/sandbox/faults/{profile}", new StringContent(settings, Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)response.StatusCode);
        return profile;
    }

    private AdapterAccount Account(string profile) => new(host, baseUrl: new Uri(host.BaseAddress, $"faults/{profile}"));

    private static PrepayRequest Order(string outTradeNo) =>
        new(outTradeNo, "wechat_pay.native", new Money(100, Currency.Cny), "goods", DateTimeOffset.UtcNow.AddMinutes(30), new Uri("https://merchant.example/notify"), null);
}
