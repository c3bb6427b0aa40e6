using PayFunctions.Domain.Reports;

namespace PayFunctions.Domain.Tests.Reports;

public sealed class ReportAggregationTests
{
    private static readonly Currency Cny = Currency.Parse("CNY");
    private static readonly ReportSubject WeChat = new("wechat_pay.native", "wechat_pay", "CN-GD");
    private static readonly ReportSubject Alipay = new("alipay.qr", "alipay", "US");
    private static readonly ReportClock Shanghai = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Fact]
    public void Counters_summed_in_any_order_give_the_same_rows()
    {
        var day = new DateOnly(2026, 11, 2);
        var cells = new[]
        {
            ReportContributions.OfPayment(WeChat, 9, new Money(10_000, Cny), succeeded: true, new Money(60, Cny)),
            ReportContributions.OfPayment(WeChat, 9, new Money(5_000, Cny), succeeded: false, null),
            ReportContributions.OfPayment(Alipay, 23, new Money(2_000, Cny), succeeded: true, new Money(12, Cny)),
            ReportContributions.OfRefund(WeChat, 10, new Money(1_000, Cny)),
        }.SelectMany(c => c).Select(c => (day, c)).ToList();

        foreach (var grouping in Enum.GetValues<ReportGrouping>())
        {
            var forward = ReportAggregator.Rows(cells, grouping);
            var backward = ReportAggregator.Rows(Enumerable.Reverse(cells), grouping);
            Assert.Equal(forward, backward);
        }

        var byMethod = ReportAggregator.Rows(cells, ReportGrouping.Method);
        Assert.Equal(
            [
                new ReportRow("alipay.qr", "CNY", new ReportCounters(1, 1, 0, 2_000, 0, 0, 12)),
                new ReportRow("wechat_pay.native", "CNY", new ReportCounters(2, 1, 1, 10_000, 1, 1_000, 60)),
            ],
            byMethod);
        Assert.Equal(0.5m, byMethod[1].Counters.SuccessRate);
        Assert.Equal(["09", "10", "23"], ReportAggregator.Rows(cells, ReportGrouping.Hour).Select(r => r.Key));
        Assert.Equal(["CN-GD", "US"], ReportAggregator.Rows(cells, ReportGrouping.Region).Select(r => r.Key));
        Assert.Equal(new ReportCounters(3, 2, 1, 12_000, 1, 1_000, 72), Assert.Single(ReportAggregator.Rows(cells, ReportGrouping.Day)).Counters);
    }

    [Fact]
    public void Weekdays_run_from_monday_to_sunday_and_days_in_date_order()
    {
        // 2026-11-01 is a Sunday, 2026-11-02 a Monday.
        var cells = new[] { new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8) }
            .SelectMany(d => ReportContributions.OfPayment(WeChat, 0, new Money(100, Cny), succeeded: true, null).Select(c => (d, c)))
            .ToList();

        var weekdays = ReportAggregator.Rows(cells, ReportGrouping.Weekday);
        Assert.Equal(["mon", "sun"], weekdays.Select(r => r.Key));
        Assert.Equal(2, weekdays[1].Counters.Payments);
        Assert.Equal(["2026-11-01", "2026-11-02", "2026-11-08"], ReportAggregator.Rows(cells, ReportGrouping.Day).Select(r => r.Key));
    }

    [Fact]
    public void A_fee_booked_in_another_currency_is_counted_in_that_currency()
    {
        var cells = ReportContributions.OfPayment(WeChat, 12, new Money(1_000, Currency.Parse("USD")), succeeded: true, new Money(43, Cny));

        var rows = ReportAggregator.Rows(cells.Select(c => (new DateOnly(2026, 11, 2), c)), ReportGrouping.Method);

        Assert.Equal(
            [
                new ReportRow("wechat_pay.native", "CNY", ReportCounters.Zero with { Fees = 43 }),
                new ReportRow("wechat_pay.native", "USD", new ReportCounters(1, 1, 0, 1_000, 0, 0, 0)),
            ],
            rows);
    }

    [Theory]
    [InlineData("2026-11-30T15:59:59Z", "2026-11-30", 23)]
    [InlineData("2026-11-30T16:00:00Z", "2026-12-01", 0)]
    [InlineData("2026-11-30T00:00:00+08:00", "2026-11-30", 0)]
    public void Days_and_hours_are_the_reporting_zones(string at, string day, int hour) =>
        Assert.Equal((DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), hour), Shanghai.Place(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 2, 0.6667)]
    [InlineData(3, 1, 0.3333)]
    [InlineData(8, 1, 0.125)]
    [InlineData(4, 4, 1)]
    public void The_success_rate_is_rounded_to_four_places(long payments, long succeeded, double expected) =>
        Assert.Equal((decimal)expected, new ReportCounters(payments, succeeded, payments - succeeded, 0, 0, 0, 0).SuccessRate);

    [Theory]
    [InlineData("cn-gd", "CN-GD")]
    [InlineData("US", "US")]
    [InlineData("CN-XX", "unknown")]
    [InlineData("CN-", "unknown")]
    [InlineData("ZZ", "unknown")]
    [InlineData(null, "unknown")]
    public void Regions_are_iso_codes_or_unknown(string? code, string region) => Assert.Equal(region, RegionCodes.Of(code, null));

    [Fact]
    public void A_region_not_located_falls_back_to_the_payers_country() => Assert.Equal("JP", RegionCodes.Of(null, "jp"));
}
