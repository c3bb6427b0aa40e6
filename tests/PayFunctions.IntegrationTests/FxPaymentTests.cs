using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Core.Merchants;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Cross-currency payments through LocalHost: the operator loads the ECB's daily rates, a merchant settling in USD
/// takes a CNY payment at a locked rate, half of it is refunded at that rate, and settlement pays the merchant in USD.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FxPaymentTests(PlatformFixture platform)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(45);
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly Currency Usd = Currency.Parse("USD");
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task A_usd_merchant_takes_a_cny_payment_at_the_locked_rate_half_is_refunded_at_it_and_settlement_pays_usd()
    {
        await LoadRatesAsync(Today, "1.0705", "7.7748");
        var (merchant, apiKey) = await OnboardAsync("""{"name":"Harbour Tea","settlement_currency":"usd"}""");

        using var create = platform.Request(HttpMethod.Post, "api/v1/payments", apiKey, Scenario.PaymentBody(Scenario.NewOrderId(), 10_000));
        var (status, created, _) = await scenario.SendAsync(create);
        Assert.True(status == HttpStatusCode.Created, $"{status} {created}");
        var id = (string)created["id"]!;
        var fx = created["fx"]!.AsObject();
        Assert.Equal(
            ("usd", "0.136311545", "0.1376884293", 100, 1363L, Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ((string?)fx["settlement_currency"], (string?)fx["rate"], (string?)fx["reference_rate"], (int)fx["margin_basis_points"]!, (long)fx["settlement_amount"]!, (string?)fx["rates_date"]));
        Assert.Equal((DateTimeOffset)created["expires_at"]!, (DateTimeOffset)fx["locked_until"]!);

        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
        var paid = await scenario.WaitForStatusAsync(id, "succeeded", Within, apiKey);
        Assert.Equal(
            [("platform", 8L, "usd"), (merchant, 1355L, "usd")],
            paid["allocations"]!.AsArray().Select(a => ((string)a!["account"]!, (long)a["amount"]!, (string)a["currency"]!)));
        var capture = Assert.Single(await scenario.LedgerEntriesForAsync(id));
        Assert.Equal(
            [
                new LedgerLine("test:channel_clearing:wechat_pay", EntrySide.Debit, Cny(10_000)),
                new LedgerLine(InTestBook(LedgerAccounts.FxConversion), EntrySide.Credit, Cny(10_000)),
                new LedgerLine(InTestBook(LedgerAccounts.FxConversion), EntrySide.Debit, Cents(1377)),
                new LedgerLine("test:payable:platform", EntrySide.Credit, Cents(8)),
                new LedgerLine(LedgerAccounts.Payable(merchant), EntrySide.Credit, Cents(1355)),
                new LedgerLine(InTestBook(LedgerAccounts.FxMargin), EntrySide.Credit, Cents(14)),
            ],
            capture.Lines);

        var (refundStatus, refund) = await scenario.CreateRefundAsync(id, """{"amount":5000}""", apiKey: apiKey);
        Assert.Equal(HttpStatusCode.Created, refundStatus);
        Assert.Equal(("cny", 5000L), ((string?)refund["currency"], (long)refund["amount"]!));
        var refundId = (string)refund["id"]!;
        await scenario.WaitForRefundAsync(refundId, "succeeded", Within, apiKey);
        var reversal = Assert.Single(await scenario.LedgerEntriesForAsync(refundId));
        Assert.Equal(
            [
                new LedgerLine(InTestBook(LedgerAccounts.FxConversion), EntrySide.Debit, Cny(5_000)),
                new LedgerLine("test:channel_clearing:wechat_pay", EntrySide.Credit, Cny(5_000)),
                new LedgerLine("test:payable:platform", EntrySide.Debit, Cents(4)),
                new LedgerLine(LedgerAccounts.Payable(merchant), EntrySide.Debit, Cents(678)),
                new LedgerLine(InTestBook(LedgerAccounts.FxMargin), EntrySide.Debit, Cents(7)),
                new LedgerLine(InTestBook(LedgerAccounts.FxConversion), EntrySide.Credit, Cents(689)),
            ],
            reversal.Lines);
        Assert.Equal([("usd", 677L)], await BalanceAsync(apiKey, "pending_settlement"));
        await scenario.AssertLedgerInvariantAsync();

        // Yesterday's batch pays what was captured before its cut-off: a capture of the day before, posted as the
        // capture activity posts it; today's payment waits for its own day.
        var dayBefore = ChinaToday.AddDays(-2);
        var earlier = FxQuote.Lock(
            new ReferenceRates(dayBefore, new Dictionary<string, decimal> { ["USD"] = 1.0705m, ["CNY"] = 7.7748m }), Currency.Cny, Usd, 100, Noon(dayBefore))!;
        var earlierId = "pay_it_fx_" + Guid.NewGuid().ToString("N")[..12];
        var allocations = SplitCalculator.Allocate(earlier.SettlementAmount(20_000), new FeeSchedule(60, 0), merchant, null);
        await platform.Ledger.PostAsync(
            LedgerBook.Test.Post(
                FxPostings.PaymentCaptured("je_" + earlierId + "_capture", earlierId, "wechat_pay", Cny(20_000), earlier, allocations, Noon(dayBefore))),
            CancellationToken.None);
        await RunSettlementAsync(ChinaToday.AddDays(-1));

        var settlement = Assert.Single(await SettlementsAsync(apiKey));
        Assert.Equal(
            (SettlementPlanner.SettlementId(ChinaToday.AddDays(-1), merchant, Usd), "usd", allocations[^1].Amount.MinorUnits),
            ((string)settlement["id"]!, (string)settlement["currency"]!, (long)settlement["amount"]!));
        Assert.Equal([("usd", 677L)], await BalanceAsync(apiKey, "pending_settlement"));
        Assert.Equal([("usd", allocations[^1].Amount.MinorUnits)], await BalanceAsync(apiKey, "in_transit"));
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task Rates_load_once_per_day_are_read_back_and_bad_files_and_currencies_are_refused()
    {
        var day = Today.AddDays(-10);
        Assert.Equal(HttpStatusCode.Created, (await LoadRatesAsync(day, "1.08", "7.8")).Status);
        var (again, same) = await LoadRatesAsync(day, "1.08", "7.80");
        Assert.Equal((HttpStatusCode.OK, "1.08"), (again, (string?)same["rates"]?["usd"]));
        var (conflict, problem) = await LoadRatesAsync(day, "1.09", "7.8");
        Assert.Equal((HttpStatusCode.Conflict, "fx_rates_conflict"), (conflict, (string?)problem["code"]));

        await LoadRatesAsync(Today, "1.0705", "7.7748");
        var (read, current, _) = await scenario.SendAsync(Admin(HttpMethod.Get, "api/ops/fx_rates"));
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal((Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "eur", "7.7748"), ((string?)current["date"], (string?)current["base"], (string?)current["rates"]?["cny"]));

        using var hostile = Admin(HttpMethod.Post, "api/ops/fx_rates", """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""");
        var (refused, invalid, _) = await scenario.SendAsync(hostile);
        Assert.Equal((HttpStatusCode.BadRequest, "fx_rates_invalid"), (refused, (string?)invalid["code"]));
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "api/ops/fx_rates");
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.SendAsync(anonymous)).Status);

        var (onboarding, unsupported, _) = await scenario.SendAsync(Admin(HttpMethod.Post, "api/ops/merchants", """{"name":"Gold Shop","settlement_currency":"xau"}"""));
        Assert.Equal((HttpStatusCode.BadRequest, "settlement_currency"), (onboarding, (string?)unsupported["param"]));
        var (_, apiKey) = await OnboardAsync("""{"name":"Plain Shop"}""");
        using var create = platform.Request(HttpMethod.Post, "api/v1/payments", apiKey, Scenario.PaymentBody(Scenario.NewOrderId()));
        var (_, domestic, _) = await scenario.SendAsync(create);
        Assert.Null(domestic["fx"]);
    }

    private static DateOnly ChinaToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, China).DateTime);

    private static DateTimeOffset Noon(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    private static Money Cents(long cents) => new(cents, Usd);

    private HttpRequestMessage Admin(HttpMethod method, string path, string? body = null)
    {
        var request = platform.Request(method, path, PlatformFixture.OperatorKey);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, body.StartsWith('<') ? "application/xml" : "application/json");
        }

        return request;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> LoadRatesAsync(DateOnly day, string usd, string cny)
    {
        using var request = Admin(HttpMethod.Post, "api/ops/fx_rates", EcbReferenceRates.Daily(day, usd, cny));
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, $"{status} {body}");
        return (status, body);
    }

    private static string InTestBook(string account) => LedgerBook.Test.Account(account);

    /// <summary>The merchant's test-mode partition and its key: the sandbox's accounts are test accounts.</summary>
    private async Task<(string Id, string ApiKey)> OnboardAsync(string json)
    {
        using var request = Admin(HttpMethod.Post, "api/ops/merchants", json);
        var (status, merchant, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"{status} {merchant}");
        Assert.Equal(json.Contains("usd", StringComparison.Ordinal) ? "usd" : "cny", (string?)merchant["settlement_currency"]);
        return (MerchantEntity.TestTwinId((string)merchant["id"]!), (string)merchant["test_api_key"]!);
    }

    private async Task RunSettlementAsync(DateOnly day)
    {
        using var request = Admin(HttpMethod.Post, $"api/ops/settlements?date={day:yyyy-MM-dd}");
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}\n{platform.HostLogTail()}");
    }

    private async Task<IReadOnlyList<JsonObject>> SettlementsAsync(string apiKey)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/settlements", apiKey);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body["data"]!.AsArray().Select(s => s!.AsObject())];
    }

    private async Task<IReadOnlyList<(string Currency, long Amount)>> BalanceAsync(string apiKey, string bucket)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/balance", apiKey);
        var (status, balance, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. balance[bucket]!.AsArray().Select(a => ((string)a!["currency"]!, (long)a["amount"]!))];
    }
}
