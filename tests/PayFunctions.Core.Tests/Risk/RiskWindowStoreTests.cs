using Azure.Data.Tables;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain.Risk;
using static PayFunctions.Core.Tests.Risk.TestRisk;

namespace PayFunctions.Core.Tests.Risk;

[Collection(AzuriteCollection.Name)]
public sealed class RiskWindowStoreTests(AzuriteFixture azurite)
{
    private readonly string merchant = NewMerchant();
    private readonly string ip = NewIp();

    [Fact]
    public async Task Each_window_counts_the_payments_it_covers()
    {
        var store = WindowStore(azurite.Storage);
        foreach (var (ago, amount) in new[] { (TimeSpan.FromSeconds(20), 100L), (TimeSpan.FromMinutes(5), 200L), (TimeSpan.FromMinutes(30), 30_000L), (TimeSpan.FromHours(5), 40_000L), (TimeSpan.FromHours(25), 50_000L) })
        {
            await store.CountAsync(Facts(merchant, At - ago, amount, ip: ip));
        }

        await store.CountAsync(Facts(merchant, At - TimeSpan.FromMinutes(1), 999, ip: ip, currency: "USD"));

        var history = await store.HistoryAsync(Facts(merchant, ip: ip));

        Assert.Equal(new WindowCounts(1, 3, 4, 5, 30_300, 70_300, 2), history.Ip);
        Assert.Equal(history.Ip, history.Merchant);
        Assert.Equal(WindowCounts.None, history.Payer);
    }

    [Fact]
    public async Task An_ip_counts_at_the_merchant_that_quoted_it_only_and_a_card_at_every_merchant()
    {
        var store = WindowStore(azurite.Storage);
        var other = NewMerchant();
        var card = "card-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 6; i++)
        {
            await store.CountAsync(Facts(merchant, At.AddSeconds(-10 * i), 100, ip: ip, card: card));
        }

        var here = await store.HistoryAsync(Facts(merchant, At.AddSeconds(1), ip: ip, card: card));
        var there = await store.HistoryAsync(Facts(other, At.AddSeconds(1), ip: ip, card: card));

        // Merchant A's probes quoting the address must not fill merchant B's window for it (nor make B's defaults block it).
        Assert.Equal((6, 6), (here.Ip.Count10m, here.Ip.Small10m));
        Assert.Equal(WindowCounts.None, there.Ip);
        Assert.Equal((6, 6), (there.Card.Count10m, there.Card.Small10m));
    }

    [Fact]
    public async Task A_payment_recorded_again_counts_once_and_never_counts_towards_itself()
    {
        var store = WindowStore(azurite.Storage);
        await store.CountAsync(Facts(merchant, At.AddMinutes(-2), 300, payer: "p1", ip: ip, region: "CN-GD"));
        var facts = Facts(merchant, amount: 400, payer: "p1", ip: ip, device: "d1", region: "US");

        var first = await store.CountAsync(facts);
        var retried = await store.CountAsync(facts);
        var atResult = await store.CountAsync(facts with { CardFingerprint = "card-1" });

        // The amount statistics are taken back out by arithmetic, so they agree to rounding rather than to the bit.
        Assert.Equal(first, retried with { MerchantAmounts = first.MerchantAmounts });
        Assert.Equal(first, atResult with { MerchantAmounts = first.MerchantAmounts });
        Assert.Equal(first.MerchantAmounts.MeanLog, retried.MerchantAmounts.MeanLog, 12);
        Assert.Equal(first.MerchantAmounts.MeanLog, atResult.MerchantAmounts.MeanLog, 12);
        Assert.Equal(1, first.Ip.Count10m);
        Assert.Equal(new LastSeen("CN-GD", At.AddMinutes(-2)), first.PayerLastSeen);
        Assert.Equal((1, 1), (first.MerchantAmounts.Count, first.MerchantRegions.Located));
        var after = await store.HistoryAsync(Facts(merchant, At.AddSeconds(1), payer: "p1", ip: ip, device: "d1", card: "card-1", region: "US"));
        Assert.Equal((1, 2, 1, 1, 2), (after.Ip.Count1m, after.Ip.Count10m, after.Device.Count1m, after.Card.Count1m, after.Payer.Small10m));
        Assert.Equal(new LastSeen("US", At), after.PayerLastSeen);
        Assert.Equal(new RegionCounts(1, 2), after.MerchantRegions);
        Assert.Equal(2, after.MerchantAmounts.Count);
    }

    [Fact]
    public async Task A_late_payment_counts_but_does_not_move_the_payer_back()
    {
        var store = WindowStore(azurite.Storage);
        await store.CountAsync(Facts(merchant, At, payer: "p2", region: "CN-SH"));
        await store.CountAsync(Facts(merchant, At.AddMinutes(-3), payer: "p2", region: "CN-BJ"));

        var history = await store.HistoryAsync(Facts(merchant, At.AddMinutes(1), payer: "p2"));

        Assert.Equal(2, history.Payer.Count10m);
        Assert.Equal(new LastSeen("CN-SH", At), history.PayerLastSeen);
    }

    [Fact]
    public async Task The_merchants_amount_statistics_merge_its_shards()
    {
        var store = WindowStore(azurite.Storage);
        long[] amounts = [1_000, 2_500, 40_000, 700, 12_345, 99, 5_000, 8_000];
        foreach (var amount in amounts)
        {
            await store.CountAsync(Facts(merchant, amount: amount));
        }

        var history = await store.HistoryAsync(Facts(merchant, At.AddSeconds(5)));

        var expected = amounts.Aggregate(AmountStats.None, (s, a) => s.With(a));
        Assert.Equal(expected.Count, history.MerchantAmounts.Count);
        Assert.Equal(expected.MeanLog, history.MerchantAmounts.MeanLog, 9);
        Assert.Equal(expected.StandardDeviationLog, history.MerchantAmounts.StandardDeviationLog, 9);
        var shards = (await RowsAsync(azurite.Storage, TableClient.CreateQueryFilter($"RowKey eq {"s|CNY"} and PartitionKey ge {"merchant|" + merchant + "|"} and PartitionKey lt {"merchant|" + merchant + "|~"}"))).Count;
        Assert.InRange(shards, 2, RiskWindowKeys.MerchantShards);
    }

    [Fact]
    public async Task Concurrent_payments_of_one_key_each_count_once()
    {
        var store = WindowStore(azurite.Storage);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => store.CountAsync(Facts(merchant, amount: 100, ip: ip)))));

        var history = await store.HistoryAsync(Facts(merchant, At.AddSeconds(1), ip: ip));
        Assert.Equal((12, 12, 1_200L), (history.Ip.Count1m, history.Ip.Small10m, history.Ip.Sum1h));
        Assert.Equal(12, history.Merchant.Count1m);
    }

    [Fact]
    public async Task A_payment_costs_one_query_and_one_transaction_per_key_however_busy_the_key()
    {
        using var counter = new StorageRequestCounter();
        var store = WindowStore(azurite.Counted(counter));
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => store.CountAsync(Facts(merchant, At.AddMinutes(-i * 20), ip: ip, payer: "busy" + (i % 3)))));

        var before = TableRequests.Of(counter);
        var read = await store.ReadAsync(Facts(merchant, ip: ip, payer: "busy0", device: "d", card: "c"), CancellationToken.None);
        await store.RecordAsync(read, CancellationToken.None);

        var requests = TableRequests.Since(counter, before);
        Assert.Equal(new Dictionary<string, long> { ["riskwindows query"] = 5, [" batch"] = 5 }, requests);
        Assert.All(read.Partitions, p => Assert.InRange(p.Rows.Count, 0, (60 + 24 + 4) * (p.Key == RiskKey.Merchant ? RiskWindowKeys.MerchantShards : 1)));
        Assert.Equal((3, 60, 20), (read.History.Ip.Count1h, read.History.Ip.Count24h, read.History.Payer.Count24h));
    }

    [Fact]
    public async Task Keys_are_hashed_under_the_pepper_and_never_stored_raw()
    {
        var payer = "payer-" + Guid.NewGuid().ToString("N");
        await WindowStore(azurite.Storage).CountAsync(Facts(merchant, payer: payer, ip: ip, device: "device-" + payer, card: "card-" + payer));
        await WindowStore(azurite.Storage, "another-pepper").CountAsync(Facts(merchant, payer: payer, ip: ip));

        var partitions = (await RowsAsync(azurite.Storage, null)).Select(r => r.PartitionKey).Distinct().ToList();
        Assert.DoesNotContain(partitions, p => p.Contains(payer, StringComparison.Ordinal) || p.Contains(ip, StringComparison.Ordinal));

        // Under another pepper the same payer and address are other partitions; the merchant's own id is not hashed.
        var later = Facts(merchant, At.AddSeconds(1), payer: payer, ip: "::ffff:" + ip);
        var history = await WindowStore(azurite.Storage).HistoryAsync(later);
        Assert.Equal((1, 1, 2), (history.Payer.Count1m, history.Ip.Count1m, history.Merchant.Count1m));
        var other = await WindowStore(azurite.Storage, "another-pepper").HistoryAsync(later);
        Assert.Equal((1, 1), (other.Payer.Count1m, other.Ip.Count1m));
    }
}
