namespace PayFunctions.Tests;

/// <summary>The typed models read the running host's answers. Only reads, and objects of this run's own, so the
/// suites sharing the demo merchant are not disturbed.</summary>
[Trait("Category", "Live")]
public sealed class LiveReadTests : IDisposable
{
    private readonly PayFunctionsClient client = LiveEnvironment.Client();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Merchant_wide_reads_parse()
    {
        var balance = await client.Balance.GetAsync();
        Assert.Equal("balance", balance.Object);

        var channelAccounts = await client.ChannelAccounts.ListAsync();
        Assert.Contains(channelAccounts.Data, a => a.Channel == "wechat_pay");

        Assert.Equal("list", (await client.Settlements.ListAsync()).Object);
        Assert.Equal("list", (await client.RiskRules.ListAsync()).Object);
        Assert.Equal("list", (await client.WebhookEndpoints.ListAsync()).Object);
        Assert.True((await client.WebhookEndpoints.ListDeliveriesAsync(new ListOptions { Limit = 2 })).Data.Count <= 2);
        Assert.True((await client.Accounts.ListAsync(new ListOptions { Limit = 1 })).Data.Count <= 1);
        Assert.True((await client.ApiKeys.ListAsync(new ListOptions { Limit = 1 })).Data.Count <= 1);
        Assert.False(string.IsNullOrEmpty((await client.RoutingPolicy.GetAsync()).Objective));

        var report = await client.Reports.GetPaymentReportAsync(new PaymentReportOptions { GroupBy = "method" });
        Assert.Equal("method", report.GroupBy);
    }

    [Fact]
    public async Task A_store_and_its_QR_images()
    {
        var store = await client.Stores.CreateAsync(new StoreCreateOptions { Name = "SDK test store", Amount = 500, Currency = "cny" });
        Assert.Equal(500L, store.Amount);
        Assert.Equal(store.Id, (await client.Stores.GetAsync(store.Id)).Id);

        var png = await client.Stores.GetQrPngAsync(store.Id);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        var svg = System.Text.Encoding.UTF8.GetString(await client.Stores.GetQrSvgAsync(store.Id));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_timeline_starts_with_its_creation()
    {
        var payment = await client.Payments.CreateAsync(new PaymentCreateOptions
        {
            Amount = 1500,
            Currency = "cny",
            Method = "wechat_pay.native",
            MerchantOrderId = LiveEnvironment.UniqueOrderId("timeline"),
            Description = "SDK test timeline",
            Metadata = new Dictionary<string, string> { ["sdk"] = "dotnet" },
        });

        var timeline = await client.Payments.GetTimelineAsync(payment.Id);
        Assert.NotEmpty(timeline.Data);
        Assert.Equal("dotnet", payment.Metadata!["sdk"]);

        var closed = await client.Payments.CloseAsync(payment.Id);
        Assert.Equal("closed", closed.Status);
    }
}
