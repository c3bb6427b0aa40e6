using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayFunctions.IntegrationTests.Channels;

[Collection(PlatformCollection.Name)]
public sealed partial class AlipayChannelTests(PlatformFixture platform)
{
    private const string Channel = "alipay";

    // 16 to 24 digits starting 25 to 30, as Alipay issues them.
    private const string PaymentCode = "286012345678901234";

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
        var next = created["next_action"]!.AsObject();
        if (method == "alipay.qr")
        {
            Assert.Equal("display_qr_code", (string?)next["type"]);
            Assert.StartsWith("https://qr.alipay.com/", (string?)next["display_qr_code"]?["data"], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, await flow.PayAsync(id));
        }
        else
        {
            Assert.Equal("redirect_to_url", (string?)next["type"]);
            await PayAtCashierAsync(method, new Uri((string)next["redirect_to_url"]!["url"]!), id);
        }

        // The amount is a signed field: 100.00 paid becomes 0.01.
        await flow.AssertPaidOnceAndTamperingRefusedAsync(id, recipient, body => TotalAmount().Replace(body, "total_amount=0.01"), "application/x-www-form-urlencoded");
        await Refunds.AssertRefundedInFullAsync(id, RefundedAtTradeAsync);
    }

    [Fact]
    public async Task Barcode_PaidAtOnceConfirmedLaterOrReversed()
    {
        var till = new TillFlow(platform, flow);
        await Refunds.AssertRefundedInFullAsync(await till.AssertPaidAtOnceAsync(PaymentCode), RefundedAtTradeAsync);

        var (_, abandoned) = await till.AssertConfirmedLaterOrReversedAsync(
            PaymentCode, """{"fault":"user_paying","method":"alipay.trade.pay","times":2}""", confirmsTooLate: false);
        var trade = JsonNode.Parse(await platform.Sandbox.GetStringAsync(flow.OrderPath((string)abandoned["id"]!)))!;
        Assert.Equal("TRADE_CLOSED", (string?)trade["trade_status"]);
        await flow.Scenario.AssertLedgerInvariantAsync();
    }

    // A page or WAP trade exists at Alipay only once the payer's browser is at the cashier, so the payer gets there first
    // and the close ends that trade. A QR code nobody scanned is not a trade yet either: there the close falls back to cancel.
    [Theory]
    [MemberData(nameof(ClosableMethods))]
    public async Task Close_UnpaidOrder_IsClosedAtTheChannelAndCannotBePaid(string method) =>
        await new CloseFlow(platform, flow).AssertClosedUnpaidAsync(method, OpenCashierAsync);

    // The query is alipay.trade.query by out_trade_no whatever the product, and so is the close that leads to it.
    [Fact]
    public async Task Query_PaidButNeverNotified_IsFoundWhenTheMerchantCloses() =>
        await new CloseFlow(platform, flow).AssertClosingAPaidOrderFindsItByQueryAsync("alipay.qr");

    /// <summary>
    /// Alipay refunds synchronously (or, its answer lost, is asked by refund query): the trade holds the refund, and tells
    /// the notify address of it, which the platform must acknowledge like any notification (checked by the refund flow).
    /// </summary>
    private async Task RefundedAtTradeAsync(JsonObject refund)
    {
        var path = flow.OrderPath((string)refund["payment"]!);
        var trade = JsonNode.Parse(await platform.Sandbox.GetStringAsync(path))!;
        var atAlipay = Assert.Single(trade["refunds"]!.AsArray(), r => (string?)r!["out_request_no"] == (string?)refund["id"]);
        Assert.Equal((long)refund["amount"]! / 100m, decimal.Parse((string)atAlipay!["amount"]!, System.Globalization.CultureInfo.InvariantCulture));
        await flow.WaitAtChannelAsync(path + "/notifications", deliveries => deliveries.AsArray().Any(
            d => ((string)d!["body"]!).Contains($"out_biz_no={refund["id"]}", StringComparison.Ordinal) && d["status"] is not null));
    }

    /// <summary>The payer's browser, sent to Alipay by a page or WAP payment, shows the cashier.</summary>
    private async Task OpenCashierAsync(JsonObject created)
    {
        if (created["next_action"]?["redirect_to_url"]?["url"] is { } url)
        {
            using var cashier = await platform.Sandbox.GetAsync((string)url!);
            Assert.True(cashier.StatusCode == HttpStatusCode.OK, await cashier.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The payer's browser: opens the signed gateway URL, presses pay, and is sent back to the merchant.</summary>
    private async Task PayAtCashierAsync(string method, Uri url, string id)
    {
        Assert.Equal(platform.Sandbox.BaseAddress!.Authority, url.Authority);
        Assert.Equal("/gateway.do", url.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(method == "alipay.page" ? "alipay.trade.page.pay" : "alipay.trade.wap.pay", query["method"]);
        Assert.Equal(ChannelFlow.ReturnUrl, query["return_url"]);
        Assert.Equal("RSA2", query["sign_type"]);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.Sandbox.BaseAddress };
        using var cashier = await browser.GetAsync(url);
        Assert.True(cashier.StatusCode == HttpStatusCode.OK, await cashier.Content.ReadAsStringAsync());
        using var pay = await browser.PostAsync($"sandbox/alipay/cashier/{id}/pay", null);
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        Assert.StartsWith(ChannelFlow.ReturnUrl + "?", pay.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"total_amount=[0-9.]+")]
    private static partial Regex TotalAmount();
}
