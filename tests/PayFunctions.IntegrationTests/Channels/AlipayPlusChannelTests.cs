using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Channels;

namespace PayFunctions.IntegrationTests.Channels;

[Collection(PlatformCollection.Name)]
public sealed class AlipayPlusChannelTests(PlatformFixture platform)
{
    private const string Channel = "alipay_plus";

    private readonly ChannelFlow flow = new(platform, Channel);

    /// <summary>
    /// The wallets whose limits admit the flows' amount of 10000 minor units: DANA's minimum is Rp 300 (30000), so DANA is
    /// driven at adapter and simulator level instead.
    /// </summary>
    public static TheoryData<string> Wallets =>
        [.. ChannelCatalog.All.Single(m => m.Capabilities.Name == Channel).Capabilities.Methods
            .Where(m => m.MinAmount <= ChannelFlow.Amount && m.MaxAmount >= ChannelFlow.Amount).Select(m => m.Method)];

    private RefundFlow Refunds => new(platform, flow);

    [Theory]
    [MemberData(nameof(Wallets))]
    public async Task Wallet_WhenPaid_SucceedsOnceRefusesTamperedNotificationsAndRefundsInParts(string method)
    {
        var (recipient, split) = await flow.SplitAsync();
        var created = await flow.CreateAsync(ChannelFlow.Body(flow.Method(method), extra: split));
        var id = (string)created["id"]!;
        Assert.Equal("requires_action", (string?)created["status"]);
        var next = created["next_action"]!.AsObject();
        if (flow.Method(method).NextAction == NextActionType.DisplayQrCode)
        {
            Assert.Equal("display_qr_code", (string?)next["type"]);
            Assert.Contains("/sandbox/alipay_plus/wallet/", (string?)next["display_qr_code"]?["data"], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, await flow.PayAsync(id));
        }
        else
        {
            Assert.Equal("redirect_to_url", (string?)next["type"]);
            await PayAtWalletAsync(new Uri((string)next["redirect_to_url"]!["url"]!));
        }

        // The amount is in the signed body: 10000 paid becomes 1.
        await flow.AssertPaidOnceAndTamperingRefusedAsync(
            id, recipient, body => body.Replace("\"value\":\"10000\"", "\"value\":\"1\"", StringComparison.Ordinal), "application/json");
        await Refunds.AssertRefundedInFullAsync(id, RefundedAtChannelAsync);
    }

    [Fact]
    public async Task Close_UnpaidPayment_IsCancelledAtAlipayPlusAndCannotBePaid() =>
        await new CloseFlow(platform, flow).AssertClosedUnpaidAsync("alipay_plus.gcash");

    // The close asks inquiryPayment first, so a payment paid without a notification is found, never cancelled.
    [Fact]
    public async Task Query_PaidButNeverNotified_IsFoundWhenTheMerchantCloses() =>
        await new CloseFlow(platform, flow).AssertClosingAPaidOrderFindsItByQueryAsync("alipay_plus.truemoney");

    /// <summary>Alipay+ holds the refund against the payment, and its notifyRefund reached the platform, which acknowledged it.</summary>
    private async Task RefundedAtChannelAsync(JsonObject refund)
    {
        var path = flow.OrderPath((string)refund["payment"]!);
        var payment = await flow.WaitAtChannelAsync(path, p => p["refunds"]!.AsArray().Any(r => (string?)r!["refund_request_id"] == (string?)refund["id"]));
        var atChannel = payment["refunds"]!.AsArray().Single(r => (string?)r!["refund_request_id"] == (string?)refund["id"])!;
        Assert.Equal((long)refund["amount"]!, (long)atChannel["value"]!);
        Assert.Equal("SUCCESS", (string?)atChannel["status"]);
        await flow.WaitAtChannelAsync(path + "/notifications", deliveries => deliveries.AsArray().Any(
            d => (string?)d!["notify_type"] == "REFUND_RESULT" && ((string)d["body"]!).Contains((string)refund["id"]!, StringComparison.Ordinal) && (bool?)d["acknowledged"] == true));
    }

    /// <summary>The payer's browser: the wallet's page from normalUrl, pay, and back to the merchant's return_url.</summary>
    private async Task PayAtWalletAsync(Uri page)
    {
        Assert.Equal(platform.Sandbox.BaseAddress!.Authority, page.Authority);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var shown = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        using var pay = await browser.PostAsync(new Uri(page, page.AbsolutePath + "/pay"), null);
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        Assert.Equal(ChannelFlow.ReturnUrl, pay.Headers.Location!.AbsoluteUri);
    }
}
