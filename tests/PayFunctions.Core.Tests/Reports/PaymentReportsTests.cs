using Microsoft.Extensions.Options;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Tests.Reports;

/// <summary>The report counters on the emulator: each completion counts once, in any order, on its local day.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PaymentReportsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 2, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 2);

    private readonly string merchant = "mch_" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task The_same_completion_twice_counts_once()
    {
        var (reports, store) = Reports();
        var payment = Paid("pay_a", 10_000, Noon);

        await reports.RecordPaymentAsync(payment, CancellationToken.None);
        await reports.RecordPaymentAsync(payment, CancellationToken.None);

        var row = Assert.Single(await RowsAsync(store, merchant, ReportGrouping.Method));
        Assert.Equal(new ReportCounters(1, 1, 0, 10_000, 0, 0, 60), row.Counters);
    }

    [Fact]
    public async Task Completions_in_either_order_give_the_same_report_and_the_platforms_counts_them_too()
    {
        var (reports, store) = Reports();
        var other = "mch_" + Guid.NewGuid().ToString("N")[..16];
        var (a, b) = (Paid("pay_a", 10_000, Noon), Failed("pay_b", 3_000, Noon.AddHours(1)));
        var refund = new RefundEntity { PartitionKey = merchant, RowKey = "re_a", RefundId = "re_a", PaymentId = a.Id, Amount = 1_000, Currency = "CNY" };

        await reports.RecordRefundAsync(refund, a, Noon.AddHours(2), CancellationToken.None);
        await reports.RecordPaymentAsync(b, CancellationToken.None);
        await reports.RecordPaymentAsync(a, CancellationToken.None);
        var (a2, b2) = (Paid("pay_a", 10_000, Noon, other), Failed("pay_b", 3_000, Noon.AddHours(1), other));
        await reports.RecordPaymentAsync(a2, CancellationToken.None);
        await reports.RecordPaymentAsync(b2, CancellationToken.None);
        await reports.RecordRefundAsync(refund, a2, Noon.AddHours(2), CancellationToken.None);

        foreach (var grouping in Enum.GetValues<ReportGrouping>())
        {
            Assert.Equal(await RowsAsync(store, merchant, grouping), await RowsAsync(store, other, grouping));
        }

        Assert.Equal(new ReportCounters(2, 1, 1, 10_000, 1, 1_000, 60), Assert.Single(await RowsAsync(store, merchant, ReportGrouping.Day)).Counters);
        Assert.Equal(["12", "13", "14"], (await RowsAsync(store, merchant, ReportGrouping.Hour)).Select(r => r.Key));
        var platform = Assert.Single(await RowsAsync(store, ReportKeys.Platform(testMode: false), ReportGrouping.Day));
        Assert.True(platform.Counters.Payments >= 4);
    }

    [Fact]
    public async Task A_test_payment_counts_for_the_test_platform_only()
    {
        var (reports, store) = Reports();
        var before = await RowsAsync(store, ReportKeys.Platform(testMode: false), ReportGrouping.Method);
        var payment = Paid("pay_t", 777, Noon.AddYears(-3));
        payment.TestMode = true;

        await reports.RecordPaymentAsync(payment, CancellationToken.None);

        Assert.Empty(await store.ReadAsync(ReportKeys.Platform(testMode: false), Day.AddYears(-3), Day.AddYears(-3), CancellationToken.None));
        Assert.Contains(
            await store.ReadAsync(ReportKeys.Platform(testMode: true), Day.AddYears(-3), Day.AddYears(-3), CancellationToken.None),
            c => c.Cell.Counters.Amount >= 777);
        Assert.Equal(before, await RowsAsync(store, ReportKeys.Platform(testMode: false), ReportGrouping.Method));
    }

    [Fact]
    public async Task A_completion_one_second_before_midnight_in_shanghai_counts_on_that_day_and_one_at_midnight_on_the_next()
    {
        var (reports, store) = Reports();
        var midnight = new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero);

        await reports.RecordPaymentAsync(Paid("pay_late", 100, midnight.AddSeconds(-1)), CancellationToken.None);
        await reports.RecordPaymentAsync(Paid("pay_early", 200, midnight), CancellationToken.None);

        var days = await ReportRowsAsync(store, merchant, ReportGrouping.Day, Day, Day.AddDays(1));
        Assert.Equal([("2026-11-02", 100L), ("2026-11-03", 200L)], days.Select(r => (r.Key, r.Counters.Amount)));
        Assert.Equal([("00", 200L), ("23", 100L)], (await ReportRowsAsync(store, merchant, ReportGrouping.Hour, Day, Day.AddDays(1))).Select(r => (r.Key, r.Counters.Amount)));
        Assert.Equal(["mon", "tue"], (await ReportRowsAsync(store, merchant, ReportGrouping.Weekday, Day, Day.AddDays(1))).Select(r => r.Key));
    }

    private (PaymentReports Reports, ReportStore Store) Reports()
    {
        var store = new ReportStore(azurite.Storage);
        return (new PaymentReports(store, Options.Create(new ReportOptions())), store);
    }

    private static async Task<IReadOnlyList<ReportRow>> ReportRowsAsync(ReportStore store, string scope, ReportGrouping grouping, DateOnly from, DateOnly to) =>
        ReportAggregator.Rows(await store.ReadAsync(scope, from, to, CancellationToken.None), grouping);

    private static Task<IReadOnlyList<ReportRow>> RowsAsync(ReportStore store, string scope, ReportGrouping grouping) =>
        ReportRowsAsync(store, scope, grouping, Day, Day);

    private PaymentEntity Paid(string id, long amount, DateTimeOffset at, string? merchantId = null) => Payment(id, amount, at, merchantId, PaymentStatus.Succeeded, """[{"Account":"platform","Role":0,"Amount":60}]""");

    private PaymentEntity Failed(string id, long amount, DateTimeOffset at, string? merchantId = null) => Payment(id, amount, at, merchantId, PaymentStatus.Expired, null);

    private PaymentEntity Payment(string id, long amount, DateTimeOffset at, string? merchantId, PaymentStatus status, string? allocations) => new()
    {
        PartitionKey = merchantId ?? merchant,
        RowKey = id + "_" + (merchantId ?? merchant),
        Method = "wechat_pay.native",
        Channel = "wechat_pay",
        Amount = amount,
        Currency = "CNY",
        Status = status.ToString(),
        CompletedAt = at,
        PayerRegion = "CN-GD",
        AllocationsJson = allocations,
    };
}
