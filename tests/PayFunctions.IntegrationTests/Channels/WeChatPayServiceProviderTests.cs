using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>
/// A platform whose WeChat Pay account is a service provider (<c>SubMchId</c> set): payments and refunds go through the
/// partner API for the sub-merchant and end exactly as a direct merchant's do.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WeChatPayServiceProviderTests(PlatformFixture platform) : IAsyncLifetime
{
    // One of the sandbox's default sub-merchants.
    private const string SubMchId = "1900000110";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private ManagedProcess? host;
    private HttpClient? api;

    public async Task InitializeAsync() =>
        (host, api) = await platform.StartExtraHostAsync("serviceprovider", new Dictionary<string, string>
        {
            ["Channels__WeChatPay__Accounts__main__SubMchId"] = SubMchId,
        });

    public Task DisposeAsync()
    {
        api?.Dispose();
        host?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_native_payment_for_the_sub_merchant_succeeds_once_and_is_refunded()
    {
        var scenario = new Scenario(platform, api);
        var id = (string)(await scenario.CreatePaymentAsync(amount: 2500))["id"]!;

        var placed = JsonNode.Parse(await platform.Sandbox.GetStringAsync($"sandbox/wechat_pay/orders/{id}"))!;
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
        var paid = await scenario.WaitForStatusAsync(id, "succeeded", Patience);
        var capture = Assert.Single(await scenario.LedgerEntriesForAsync(id));
        var (refundStatus, refund) = await scenario.CreateRefundAsync(id, "");
        var refunded = await scenario.WaitForRefundAsync((string)refund["id"]!, "succeeded", Patience);

        Assert.Equal(SubMchId, (string?)placed["sub_mchid"]);
        Assert.NotNull((string?)paid["channel_trade_no"]);
        Assert.Equal(2500, capture.Lines.Where(l => l.Side == EntrySide.Debit).Sum(l => l.Amount.MinorUnits));
        Assert.Equal(HttpStatusCode.Created, refundStatus);
        Assert.Equal(2500, (long)refunded["amount"]!);
        await scenario.AssertLedgerInvariantAsync();
    }
}
