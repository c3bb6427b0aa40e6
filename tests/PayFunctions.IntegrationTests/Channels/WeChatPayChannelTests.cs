using System.Net;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests.Channels;

[Collection(PlatformCollection.Name)]
public sealed class WeChatPayChannelTests(PlatformFixture platform)
{
    private const string Channel = "wechat_pay";

    // 18 digits starting 10 to 15, as WeChat Pay issues them.
    private const string PaymentCode = "134567890123456789";

    private readonly ChannelFlow flow = new(platform, Channel);

    public static TheoryData<string> OnlineMethods => ChannelFlow.OnlineMethods(Channel);

    public static TheoryData<string> ClosableMethods => CloseFlow.ClosableMethods(Channel);

    private RefundFlow Refunds => new(platform, flow);

    [Theory]
    [MemberData(nameof(OnlineMethods))]
    public async Task Method_WhenPaid_SucceedsOnceRefusesTamperedNotificationsAndRefundsInParts(string method)
    {
        var (recipient, split) = await flow.SplitAsync();
        var created = await flow.CreateAsync(ChannelFlow.Body(flow.Method(method), extra: split));
        var id = (string)created["id"]!;
        Assert.Equal("requires_action", (string?)created["status"]);
        AssertNextAction(method, created["next_action"]!.AsObject());

        Assert.Equal(HttpStatusCode.OK, await flow.PayAsync(id));

        // The resource is encrypted and authenticated, and the body signed: a changed byte fails both.
        await flow.AssertPaidOnceAndTamperingRefusedAsync(id, recipient, body => body.Replace("\"ciphertext\":\"", "\"ciphertext\":\"A", StringComparison.Ordinal), "application/json");
        await Refunds.AssertRefundedInFullAsync(id, RefundNotifiedAsync);
    }

    [Fact]
    public async Task PaymentCode_PaidAtOnceConfirmedLaterOrReversed()
    {
        var till = new TillFlow(platform, flow);
        Assert.Equal(HttpStatusCode.Accepted, await flow.FaultAsync("""{"kind":"success"}"""));
        await Refunds.AssertRefundedInFullAsync(await till.AssertPaidAtOnceAsync(PaymentCode), RefundNotifiedAsync);

        // Without a fault the simulated payer is always still confirming, and WeChat Pay refuses to reverse an order
        // (USERPAYING) until the payer's attempt ends: here it ends in a payment after the till gave up, which is reversed.
        var (_, abandoned) = await till.AssertConfirmedLaterOrReversedAsync(PaymentCode, userPayingFault: null, confirmsTooLate: true);
        var order = JsonNode.Parse(await platform.Sandbox.GetStringAsync(flow.OrderPath((string)abandoned["id"]!)))!;
        Assert.Equal("REVOKED", (string?)order["trade_state"]);
        await flow.Scenario.AssertLedgerInvariantAsync();
    }

    [Theory]
    [MemberData(nameof(ClosableMethods))]
    public async Task Close_UnpaidOrder_IsClosedAtTheChannelAndCannotBePaid(string method) =>
        await new CloseFlow(platform, flow).AssertClosedUnpaidAsync(method);

    // The query is the same call (GET /v3/pay/transactions/out-trade-no/{out_trade_no}) whatever the trade type, and so is
    // the close that leads to it: one method stands for all.
    [Fact]
    public async Task Query_PaidButNeverNotified_IsFoundWhenTheMerchantCloses() =>
        await new CloseFlow(platform, flow).AssertClosingAPaidOrderFindsItByQueryAsync("wechat_pay.native");

    /// <summary>WeChat Pay ends a refund with its REFUND.SUCCESS notification, which the platform acknowledged.</summary>
    private async Task RefundNotifiedAsync(JsonObject refund)
    {
        var shown = await flow.WaitAtChannelAsync(
            $"sandbox/wechat_pay/refunds/{refund["id"]}", r => r["deliveries"]!.AsArray().Any(d => (bool?)d!["acknowledged"] == true));
        Assert.Equal("SUCCESS", (string?)shown["refund"]!["status"]);
        Assert.Equal((long)refund["amount"]!, (long?)shown["refund"]!["amount"]!["refund"]);
    }

    private static void AssertNextAction(string method, JsonObject next)
    {
        switch (method)
        {
            case "wechat_pay.native":
                Assert.Equal("display_qr_code", (string?)next["type"]);
                Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", (string?)next["display_qr_code"]?["data"], StringComparison.Ordinal);
                break;
            case "wechat_pay.h5":
                Assert.Equal("redirect_to_url", (string?)next["type"]);
                Assert.StartsWith("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=", (string?)next["redirect_to_url"]?["url"], StringComparison.Ordinal);
                break;
            case "wechat_pay.jsapi" or "wechat_pay.mini_program":
                // WeixinJSBridge getBrandWCPayRequest / wx.requestPayment: the package names the prepay id.
                AssertSdk(next, ["appId", "timeStamp", "nonceStr", "package", "signType", "paySign"]);
                Assert.StartsWith("prepay_id=wx", (string?)next["use_sdk"]!["parameters"]!["package"], StringComparison.Ordinal);
                Assert.Equal("RSA", (string?)next["use_sdk"]!["parameters"]!["signType"]);
                Assert.Equal(method == "wechat_pay.jsapi" ? "wx8888888888888888" : "wx6666666666666666", (string?)next["use_sdk"]!["parameters"]!["appId"]);
                break;
            case "wechat_pay.app":
                // OpenSDK PayReq.
                AssertSdk(next, ["appid", "partnerid", "prepayid", "package", "noncestr", "timestamp", "sign"]);
                Assert.Equal("Sign=WXPay", (string?)next["use_sdk"]!["parameters"]!["package"]);
                Assert.Equal("wx7777777777777777", (string?)next["use_sdk"]!["parameters"]!["appid"]);
                break;
            default:
                Assert.Fail($"No expectation for {method}'s next action.");
                break;
        }
    }

    private static void AssertSdk(JsonObject next, string[] parameters)
    {
        Assert.Equal("use_sdk", (string?)next["type"]);
        Assert.Equal(Channel, (string?)next["use_sdk"]?["channel"]);
        var actual = next["use_sdk"]!["parameters"]!.AsObject();
        Assert.Equal(parameters.Order(StringComparer.Ordinal), actual.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(actual, p => Assert.False(string.IsNullOrEmpty((string?)p.Value), p.Key));
    }
}
