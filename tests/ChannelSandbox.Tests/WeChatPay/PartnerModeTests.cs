using System.Net;
using PayFunctions.Channels;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.WeChatPay;

/// <summary>
/// The partner API (服务商模式): a service provider places, queries, closes and refunds orders for its sub-merchants on
/// the same order store, and an order is found only under the merchant it was placed for.
/// </summary>
public sealed class PartnerModeTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    private const string SubMchId = "1900000110";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_partner_native_order_is_placed_queried_in_the_partner_shape_and_closed()
    {
        var outTradeNo = Prepay.NewOutTradeNo();

        var (placed, answer) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/partner/transactions/native", PartnerOrder(outTradeNo));
        var (queried, order) = await SignedApi.SendAsync(
            host, HttpMethod.Get, $"/v3/pay/partner/transactions/out-trade-no/{outTradeNo}?sp_mchid={SandboxHost.MchId}&sub_mchid={SubMchId}");
        var (closed, _) = await SignedApi.SendAsync(
            host, HttpMethod.Post, $"/v3/pay/partner/transactions/out-trade-no/{outTradeNo}/close", new { sp_mchid = SandboxHost.MchId, sub_mchid = SubMchId });

        Assert.Equal(200, placed);
        Assert.StartsWith("weixin://", answer.GetProperty("code_url").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, queried);
        Assert.Equal(SandboxHost.AppId, order.GetProperty("sp_appid").GetString());
        Assert.Equal(SandboxHost.MchId, order.GetProperty("sp_mchid").GetString());
        Assert.Equal(SubMchId, order.GetProperty("sub_mchid").GetString());
        Assert.False(order.TryGetProperty("mchid", out _));
        Assert.Equal("NOTPAY", order.GetProperty("trade_state").GetString());
        Assert.Equal(204, closed);
    }

    [Fact]
    public async Task An_unbound_sub_merchant_is_refused()
    {
        var order = SignedApi.With(PartnerOrder(Prepay.NewOutTradeNo()), "sub_mchid", "1900000999");

        var (status, error) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/partner/transactions/native", order);

        Assert.Equal(400, status);
        Assert.Equal("PARAM_ERROR", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_partner_order_is_not_found_as_a_direct_order_or_under_another_sub_merchant()
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/partner/transactions/native", PartnerOrder(outTradeNo));

        var (direct, _) = await SignedApi.SendAsync(host, HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={SandboxHost.MchId}");
        var (other, _) = await SignedApi.SendAsync(
            host, HttpMethod.Get, $"/v3/pay/partner/transactions/out-trade-no/{outTradeNo}?sp_mchid={SandboxHost.MchId}&sub_mchid=1900000111");
        var (closeDirect, _) = await SignedApi.SendAsync(
            host, HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{outTradeNo}/close", new { mchid = SandboxHost.MchId });

        Assert.Equal(404, direct);
        Assert.Equal(404, other);
        Assert.Equal(404, closeDirect);
    }

    [Fact]
    public async Task A_partner_jsapi_order_needs_a_sp_or_sub_openid_and_a_sub_openid_needs_sub_appid()
    {
        var withoutPayer = PartnerOrder(Prepay.NewOutTradeNo());
        var subOpenIdAlone = SignedApi.With(PartnerOrder(Prepay.NewOutTradeNo()), "payer", new { sub_openid = "o-sub" });
        var spOpenId = SignedApi.With(PartnerOrder(Prepay.NewOutTradeNo()), "payer", new { sp_openid = "o-sp" });

        Assert.Equal(400, (await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/partner/transactions/jsapi", withoutPayer)).Status);
        Assert.Equal(400, (await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/partner/transactions/jsapi", subOpenIdAlone)).Status);
        Assert.Equal(200, (await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/partner/transactions/jsapi", spOpenId)).Status);
    }

    [Fact]
    public async Task The_adapter_as_a_service_provider_places_pays_queries_and_refunds_with_partner_notifications()
    {
        using var account = new AdapterAccount(host, subMchId: SubMchId);
        var channel = account.Channel;
        await using var listener = await NotifyListener.StartAsync();
        var outTradeNo = Prepay.NewOutTradeNo();

        var placed = await channel.PrepayAsync(
            new PrepayRequest(outTradeNo, "wechat_pay.native", new Money(1999, Currency.Cny), "QQ公仔", DateTimeOffset.UtcNow.AddMinutes(30), new Uri(listener.Url), null),
            CancellationToken.None);
        using (var pay = await Prepay.PayAsync(host, outTradeNo))
        {
            Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        }

        var paid = Parse(channel, Assert.Single(await listener.WaitForAsync(1, Patience)));
        var queried = await channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None);
        var refund = await channel.RefundAsync(
            new ChannelRefundRequest(outTradeNo, "R" + outTradeNo, new Money(1999, Currency.Cny), new Money(1999, Currency.Cny), null, new Uri(listener.Url)),
            CancellationToken.None);
        var refunded = Parse(channel, (await listener.WaitForAsync(2, Patience))[1]);
        var refundQueried = await channel.QueryRefundAsync(new ChannelOrderRef(outTradeNo), "R" + outTradeNo, CancellationToken.None);

        Assert.IsType<DisplayQrCode>(placed.NextAction);
        Assert.Equal(ChannelTradeState.Succeeded, paid.State);
        Assert.Equal(SandboxHost.MchId, paid.MerchantId);
        Assert.Equal(ChannelTradeState.Succeeded, queried.State);
        Assert.Equal(new Money(1999, Currency.Cny), queried.Amount);
        Assert.Equal(ChannelRefundState.Processing, refund.State);
        Assert.Equal(ChannelTradeState.Refunded, refunded.State);
        Assert.Equal(ChannelRefundState.Succeeded, refundQueried.State);
        Assert.Equal(ChannelTradeState.Refunded, (await channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_direct_merchant_adapter_cannot_refund_a_sub_merchants_order()
    {
        using var partner = new AdapterAccount(host, subMchId: SubMchId);
        using var direct = new AdapterAccount(host);
        var outTradeNo = Prepay.NewOutTradeNo();
        await partner.Channel.PrepayAsync(
            new PrepayRequest(outTradeNo, "wechat_pay.native", new Money(100, Currency.Cny), "QQ公仔", DateTimeOffset.UtcNow.AddMinutes(30), new Uri("https://merchant.example/notify"), null),
            CancellationToken.None);
        using (var pay = await Prepay.PayAsync(host, outTradeNo, new { notify = false }))
        {
            Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        }

        var error = await Assert.ThrowsAsync<ChannelException>(() => direct.Channel.RefundAsync(
            new ChannelRefundRequest(outTradeNo, "R" + outTradeNo, new Money(100, Currency.Cny), new Money(100, Currency.Cny), null, new Uri("https://merchant.example/refunds")),
            CancellationToken.None));

        Assert.Equal("RESOURCE_NOT_EXISTS", error.Code);
    }

    private static ChannelNotification Parse(IPaymentChannel channel, Received received) =>
        channel.ParseNotification(received.Headers, received.Body);

    private static object PartnerOrder(string outTradeNo) => new
    {
        sp_appid = SandboxHost.AppId,
        sp_mchid = SandboxHost.MchId,
        sub_mchid = SubMchId,
        description = "Image形象店-深圳腾大-QQ公仔",
        out_trade_no = outTradeNo,
        notify_url = "https://merchant.example/notify",
        amount = new { total = 100, currency = "CNY" },
    };
}
