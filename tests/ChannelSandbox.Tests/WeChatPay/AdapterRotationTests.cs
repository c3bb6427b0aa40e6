using PayFunctions.Channels;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.WeChatPay;

/// <summary>A platform key rotation seen by the adapter; rotation is global to a sandbox, so these tests have their own.</summary>
public sealed class AdapterRotationTests : IAsyncLifetime
{
    private readonly SandboxHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Configured_with_both_keys_the_adapter_accepts_answers_and_notifications_signed_by_either()
    {
        var (_, rotated) = await SignedApi.ControlAsync(_host, "/sandbox/wechat_pay/platform-keys/rotate");
        using var both = new AdapterAccount(_host, rotated.GetProperty("platform_serial_no").GetString(), rotated.GetProperty("platform_public_key").GetString());
        await using var listener = await NotifyListener.StartAsync();

        var orders = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var outTradeNo = Prepay.NewOutTradeNo();
            await both.Channel.PrepayAsync(Order(outTradeNo, listener.Url), CancellationToken.None);
            orders.Add(outTradeNo);
        }

        foreach (var outTradeNo in orders.Take(2))
        {
            using var pay = await Prepay.PayAsync(_host, outTradeNo);
        }

        var received = await listener.WaitForAsync(2, TimeSpan.FromSeconds(30));
        var serials = received.Select(r => r.Headers["Wechatpay-Serial"]).ToList();
        var parsed = received.Select(r => both.Channel.ParseNotification(r.Headers, r.Body)).ToList();

        Assert.Equal(2, parsed.Count);
        Assert.All(parsed, notification => Assert.Equal(ChannelTradeState.Succeeded, notification.State));
        Assert.All(serials, serial => Assert.Contains(serial, rotated.GetProperty("platform_serial_no").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configured_with_the_old_key_only_the_adapter_refuses_what_the_new_key_signs()
    {
        await SignedApi.ControlAsync(_host, "/sandbox/wechat_pay/platform-keys/rotate");
        using var oldOnly = new AdapterAccount(_host);

        var failures = new List<ChannelException>();
        for (var i = 0; i < 4; i++)
        {
            try
            {
                await oldOnly.Channel.PrepayAsync(Order(Prepay.NewOutTradeNo()), CancellationToken.None);
            }
            catch (ChannelException ex)
            {
                failures.Add(ex);
            }
        }

        Assert.Equal(2, failures.Count);
        Assert.All(failures, failure => Assert.Equal("RESPONSE_SIGNATURE_INVALID", failure.Code));
    }

    private static PrepayRequest Order(string outTradeNo, string notifyUrl = "https://merchant.example/notify") =>
        new(outTradeNo, "wechat_pay.native", new Money(100, Currency.Cny), "goods", DateTimeOffset.UtcNow.AddMinutes(30), new Uri(notifyUrl), null);
}
