using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ChannelSandbox.Tests;

public sealed class NotificationTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Payment_posts_a_signed_notification_whose_resource_decrypts_to_the_transaction()
    {
        await using var listener = await NotifyListener.StartAsync();
        var outTradeNo = await Prepay.PlaceAsync(host, listener.Url);

        using var pay = await Prepay.PayAsync(host, outTradeNo);
        var received = Assert.Single(await listener.WaitForAsync(1, Patience));

        Assert.Equal(200, (int)pay.StatusCode);
        Assert.Equal(SandboxHost.PlatformSerial, received.Headers["Wechatpay-Serial"]);
        Assert.Equal("WECHATPAY2-SHA256-RSA2048", received.Headers["Wechatpay-Signature-Type"]);
        Assert.True(host.Merchant.VerifiesPlatformSignature(
            received.Headers["Wechatpay-Timestamp"], received.Headers["Wechatpay-Nonce"], received.Headers["Wechatpay-Signature"], received.Body));

        var envelope = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("TRANSACTION.SUCCESS", envelope.GetProperty("event_type").GetString());
        Assert.Equal("encrypt-resource", envelope.GetProperty("resource_type").GetString());
        var resource = envelope.GetProperty("resource");
        Assert.Equal("AEAD_AES_256_GCM", resource.GetProperty("algorithm").GetString());
        var transaction = JsonDocument.Parse(host.Merchant.Decrypt(
            resource.GetProperty("ciphertext").GetString()!,
            resource.GetProperty("nonce").GetString()!,
            resource.GetProperty("associated_data").GetString()!)).RootElement;

        var queried = await Prepay.QueryAsync(host, outTradeNo);
        Assert.Equal(outTradeNo, transaction.GetProperty("out_trade_no").GetString());
        Assert.Equal("SUCCESS", transaction.GetProperty("trade_state").GetString());
        Assert.Equal(queried.GetProperty("transaction_id").GetString(), transaction.GetProperty("transaction_id").GetString());
        Assert.Equal(100, transaction.GetProperty("amount").GetProperty("total").GetInt64());
        Assert.Equal("order-42", transaction.GetProperty("attach").GetString());
    }

    [Fact]
    public async Task Concurrent_resend_delivers_the_same_notification_five_times()
    {
        await using var listener = await NotifyListener.StartAsync();
        var outTradeNo = await Prepay.PlaceAsync(host, listener.Url);
        using var pay = await Prepay.PayAsync(host, outTradeNo);
        var original = Assert.Single(await listener.WaitForAsync(1, Patience));

        using var resend = await host.Client.PostAsJsonAsync($"/sandbox/wechat_pay/orders/{outTradeNo}/notifications/resend", new { times = 5, concurrent = true });
        var all = await listener.WaitForAsync(6, Patience);

        Assert.Equal(202, (int)resend.StatusCode);
        Assert.Equal(6, all.Count);
        Assert.All(all, received => Assert.Equal(Encoding.UTF8.GetString(original.Body), Encoding.UTF8.GetString(received.Body)));
        Assert.All(all, received => Assert.True(host.Merchant.VerifiesPlatformSignature(
            received.Headers["Wechatpay-Timestamp"], received.Headers["Wechatpay-Nonce"], received.Headers["Wechatpay-Signature"], received.Body)));
    }

    [Fact]
    public async Task An_unacknowledged_notification_is_retried_until_acknowledged()
    {
        await using var listener = await NotifyListener.StartAsync(500, 500);
        var outTradeNo = await Prepay.PlaceAsync(host, listener.Url);

        using var pay = await Prepay.PayAsync(host, outTradeNo);
        var all = await listener.WaitForAsync(3, Patience);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(3, listener.Received.Count);
        Assert.Single(all.Select(received => Encoding.UTF8.GetString(received.Body)).Distinct());
        var deliveries = await host.Client.GetFromJsonAsync<JsonElement>($"/sandbox/wechat_pay/orders/{outTradeNo}/notifications");
        Assert.Equal([500, 500, 204], deliveries.EnumerateArray().Select(delivery => delivery.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task Paying_without_notify_sends_nothing_and_paying_twice_is_ORDER_PAID()
    {
        await using var listener = await NotifyListener.StartAsync();
        var outTradeNo = await Prepay.PlaceAsync(host, listener.Url);

        using var pay = await Prepay.PayAsync(host, outTradeNo, new { notify = false });
        using var again = await Prepay.PayAsync(host, outTradeNo);
        await Task.Delay(TimeSpan.FromSeconds(0.5));

        Assert.Equal(200, (int)pay.StatusCode);
        Assert.Equal(409, (int)again.StatusCode);
        Assert.Equal("ORDER_PAID", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Empty(listener.Received);
    }
}
