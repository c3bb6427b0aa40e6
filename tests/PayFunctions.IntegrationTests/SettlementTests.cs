using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Settlement through LocalHost on Azurite: the operator route, the merchant's settlements and balance, re-runs and
/// concurrent days. Captures a day or two old cannot be made through the channel today, so they are posted to the
/// ledger directly, as the capture activity does, with the channel's payment time in the past.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SettlementTests(PlatformFixture platform)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly Scenario scenario = new(platform);

    private static DateOnly ChinaToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, China).DateTime);

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Noon(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task Settlement_PaysWhatWasCapturedBeforeEachCutoffOnce_AndTheBalanceFollows()
    {
        var (merchant, key) = await NewMerchantAsync();
        var (first, second) = (ChinaToday.AddDays(-2), ChinaToday.AddDays(-1));
        await CaptureAsync(merchant, 10_000, Noon(first.AddDays(-1)));
        await CaptureAsync(merchant, 1_000, Noon(first));
        await CaptureAsync(merchant, 500, DateTimeOffset.UtcNow);
        Assert.Equal((9_940 + 994 + 497, 0), (await CnyBalanceAsync(key, "pending_settlement"), await CnyBalanceAsync(key, "in_transit")));

        var run = await RunAsync(first);
        Assert.Equal(("settlement_run", Format(first), "completed"), ((string?)run["object"], (string?)run["settlement_date"], (string?)run["status"]));
        Assert.True((int)run["settlements_recorded"]! >= 1, run.ToJsonString());
        Assert.Empty(run["failed"]!.AsArray());
        await RunAsync(first);
        await RunAsync(second);
        await RunAsync(second);

        var settlements = await SettlementsAsync(key);
        Assert.Equal(
            [
                (SettlementPlanner.SettlementId(second, merchant, Currency.Cny), Format(second), 994L),
                (SettlementPlanner.SettlementId(first, merchant, Currency.Cny), Format(first), 9_940L),
            ],
            settlements.Select(s => ((string)s["id"]!, (string)s["settlement_date"]!, (long)s["amount"]!)));
        Assert.All(settlements, s => Assert.Equal(merchant, (string?)s["account"]));
        Assert.Equal((497, 10_934), (await CnyBalanceAsync(key, "pending_settlement"), await CnyBalanceAsync(key, "in_transit")));
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task Settlement_OfTheNextDayFirstThenTheDayBefore_AndBothAtOnce_PaysNothingTwice()
    {
        var (merchant, key) = await NewMerchantAsync();
        var (racer, racerKey) = await NewMerchantAsync();
        var (first, second) = (ChinaToday.AddDays(-2), ChinaToday.AddDays(-1));
        await CaptureAsync(merchant, 10_000, Noon(first.AddDays(-1)));
        await CaptureAsync(merchant, 1_000, Noon(first));

        await RunAsync(second);
        await RunAsync(first);

        // The racer's captures arrive late; both days' batches then run twice, all four at once.
        await CaptureAsync(racer, 10_000, Noon(first.AddDays(-1)));
        await CaptureAsync(racer, 1_000, Noon(first));
        await Task.WhenAll(RunAsync(second), RunAsync(first), RunAsync(second), RunAsync(first));

        Assert.Equal(
            [(SettlementPlanner.SettlementId(second, merchant, Currency.Cny), 10_934L)],
            (await SettlementsAsync(key)).Select(s => ((string)s["id"]!, (long)s["amount"]!)));
        Assert.Equal(10_934, (await SettlementsAsync(racerKey)).Sum(s => (long)s["amount"]!));
        foreach (var apiKey in new[] { key, racerKey })
        {
            Assert.Equal((0, 10_934), (await CnyBalanceAsync(apiKey, "pending_settlement"), await CnyBalanceAsync(apiKey, "in_transit")));
        }

        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task Settlement_LeavesAPaymentCapturedTodayPendingUntilItsDay()
    {
        var id = (string)(await scenario.CreatePaymentAsync(amount: 3000))["id"]!;
        await scenario.PayAsync(id);
        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(30));
        var pending = await CnyBalanceAsync(PlatformFixture.DemoApiKey, "pending_settlement");
        Assert.True(pending >= 2982, $"pending {pending} lacks this payment's 2982");

        await RunAsync(ChinaToday.AddDays(-1));

        Assert.Equal(pending, await CnyBalanceAsync(PlatformFixture.DemoApiKey, "pending_settlement"));
        await scenario.AssertLedgerInvariantAsync();
    }

    private async Task<(string Merchant, string ApiKey)> NewMerchantAsync()
    {
        var id = "mch_it_stl_" + Guid.NewGuid().ToString("N")[..10];
        var key = "sk_test_it_" + Guid.NewGuid().ToString("N");
        await platform.Merchants(TimeProvider.System).SeedAsync(
            new MerchantEntity { Id = id, Name = id, FeeBasisPoints = 60 }, key, PlatformFixture.WebhookSecret, CancellationToken.None);
        return (id, key);
    }

    private async Task CaptureAsync(string merchant, long gross, DateTimeOffset paidAt)
    {
        var money = new Money(gross, Currency.Cny);
        var paymentId = "pay_it_" + Guid.NewGuid().ToString("N")[..12];
        var allocations = SplitCalculator.Allocate(money, new FeeSchedule(60, 0), merchant, null);
        await platform.Ledger.PostAsync(
            Postings.PaymentCaptured("je_" + paymentId + "_capture", paymentId, "wechat_pay", money, allocations, paidAt), CancellationToken.None);
    }

    private async Task<JsonObject> RunAsync(DateOnly day)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/ops/settlements?date={Format(day)}");
        request.Headers.Authorization = new("Bearer", PlatformFixture.OperatorKey);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}\n{platform.HostLogTail()}");
        return body;
    }

    private async Task<IReadOnlyList<JsonObject>> SettlementsAsync(string apiKey)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/settlements", apiKey);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body["data"]!.AsArray().Select(s => s!.AsObject())];
    }

    private async Task<long> CnyBalanceAsync(string apiKey, string bucket)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/balance", apiKey);
        var (status, balance, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        return balance[bucket]!.AsArray().Where(a => (string?)a!["currency"] == "cny").Sum(a => (long)a!["amount"]!);
    }
}
