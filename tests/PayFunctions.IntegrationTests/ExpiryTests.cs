using System.Net;
using PayFunctions.Channels;
using PayFunctions.IntegrationTests.Channels;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Expiry needs the shortest expiry the API allows (60 s), so the expiry cases share one
/// wait: each payment is set up, then all are checked after the timers fire.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ExpiryTests(PlatformFixture platform)
{
    private const string ShortExpiry = ""","expires_in_seconds":60""";
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Expiry_ClosesAtChannel_AndHandlesPaymentsAroundTheDeadline()
    {
        var unpaid = (string)(await scenario.CreatePaymentAsync(ShortExpiry))["id"]!;
        var paidSilently = (string)(await scenario.CreatePaymentAsync(ShortExpiry))["id"]!;
        var paidLate = (string)(await scenario.CreatePaymentAsync(ShortExpiry))["id"]!;

        // Paid, but the notification is lost: at expiry the close is refused because the order is
        // paid, and the payment ends as the success it is.
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(paidSilently, """{"notify":false}"""));

        // A channel that cannot close is asked at expiry what became of its order, so there the query is what finds a
        // payment whose notification was lost. The query is one call per channel whatever the method: one method each.
        var unclosable = ChannelCatalog.All.Select(m => m.Capabilities).Where(c => !c.Supports(ChannelOperations.Close))
            .Select(c => new ChannelFlow(platform, c.Name)).ToList();
        var foundAtExpiry = new List<(ChannelFlow Flow, string Id)>();
        foreach (var flow in unclosable)
        {
            var method = flow.Capabilities.Methods.First(m => m.NextAction != NextActionType.None).Method;
            foundAtExpiry.Add((flow, await flow.StartPaidSilentlyAsync(method, ShortExpiry)));
        }

        var expired = await scenario.WaitForStatusAsync(unpaid, "expired", TimeSpan.FromSeconds(120));
        Assert.Equal("payment_expired", (string?)expired["failure_code"]);
        var order = await platform.Sandbox.GetStringAsync($"sandbox/wechat_pay/orders/{unpaid}");
        Assert.Contains("\"CLOSED\"", order, StringComparison.Ordinal);
        Assert.Empty(await scenario.LedgerEntriesForAsync(unpaid));

        await scenario.WaitForStatusAsync(paidSilently, "succeeded", TimeSpan.FromSeconds(60));
        Assert.Single(await scenario.LedgerEntriesForAsync(paidSilently));
        foreach (var (flow, id) in foundAtExpiry)
        {
            await flow.AssertFoundByQueryAsync(id);
        }

        // The customer scans after the deadline: the channel order is closed, so no money moves.
        await scenario.WaitForStatusAsync(paidLate, "expired", TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Conflict, await scenario.PayAsync(paidLate));
        Assert.Equal("expired", (string?)(await scenario.GetPaymentAsync(paidLate))["status"]);
        Assert.Empty(await scenario.LedgerEntriesForAsync(paidLate));

        var hooks = await scenario.WebhooksForAsync(unpaid);
        Assert.Contains(hooks, h => ((string?)h["body"])!.Contains("payment.expired", StringComparison.Ordinal));
        await scenario.AssertLedgerInvariantAsync();
    }
}
