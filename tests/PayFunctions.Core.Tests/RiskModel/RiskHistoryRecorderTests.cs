using PayFunctions.Domain;
using PayFunctions.Domain.Risk;
using PayFunctions.RiskModel.Generation;
using PayFunctions.RiskModel.History;

namespace PayFunctions.Core.Tests.RiskModel;

public sealed class RiskHistoryRecorderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 4, 0, 0, TimeSpan.Zero);
    private static readonly Currency Usd = Currency.Parse("USD");

    [Fact]
    public void A_first_payment_has_seen_nothing_and_counts_for_the_next()
    {
        var recorder = new RiskHistoryRecorder();

        var first = recorder.Record(Payment("p1", T0, 1_000));
        var second = recorder.Record(Payment("p2", T0, 2_000));

        Assert.Equal(WindowCounts.None, first.Payer);
        Assert.Equal(WindowCounts.None, first.Merchant);
        Assert.Equal(AmountStats.None, first.MerchantAmounts);
        Assert.Null(first.PayerLastSeen);
        Assert.Equal(new WindowCounts(1, 1, 1, 1, 1_000, 1_000, 0), second.Payer);
        Assert.Equal(new WindowCounts(1, 1, 1, 1, 1_000, 1_000, 0), second.Ip);
        Assert.Equal(new WindowCounts(1, 1, 1, 1, 1_000, 1_000, 0), second.Merchant);
        Assert.Equal(new LastSeen("CN-GD", T0), second.PayerLastSeen);
    }

    [Fact]
    public void Each_window_holds_the_payments_made_less_than_its_length_before()
    {
        var recorder = new RiskHistoryRecorder();
        recorder.Record(Payment("p1", T0, 100));
        recorder.Record(Payment("p2", T0.AddSeconds(30), 200));
        recorder.Record(Payment("p3", T0.AddMinutes(9), 300));
        recorder.Record(Payment("p4", T0.AddMinutes(50), 4_000));

        // At T0 + 60 min: p1 is exactly an hour old (out of the hour), p2 59.5 minutes old (in), p3 51 minutes, p4 10 minutes
        // (exactly ten minutes: out of the ten-minute window).
        var history = recorder.Record(Payment("p5", T0.AddMinutes(60), 5_000));

        Assert.Equal(new WindowCounts(Count1m: 0, Count10m: 0, Count1h: 3, Count24h: 4, Sum1h: 4_500, Sum24h: 4_600, Small10m: 0), history.Payer);
    }

    [Fact]
    public void Small_payments_are_counted_for_ten_minutes()
    {
        var recorder = new RiskHistoryRecorder();
        recorder.Record(Payment("p1", T0, RiskFeatures.SmallAmountMinorUnits));
        recorder.Record(Payment("p2", T0.AddMinutes(1), RiskFeatures.SmallAmountMinorUnits + 1));
        recorder.Record(Payment("p3", T0.AddMinutes(5), 1));

        Assert.Equal(2, recorder.Record(Payment("p4", T0.AddMinutes(9), 10)).Ip.Small10m);
        Assert.Equal(2, recorder.Record(Payment("p5", T0.AddMinutes(10), 10)).Ip.Small10m);
        Assert.Equal(3, recorder.Record(Payment("p6", T0.AddMinutes(14), 10)).Ip.Small10m);
    }

    [Fact]
    public void A_day_later_the_windows_are_empty_but_the_merchant_and_the_last_place_are_remembered()
    {
        var recorder = new RiskHistoryRecorder();
        recorder.Record(Payment("p1", T0, 1_000, region: "CN-SH"));

        var history = recorder.Record(Payment("p2", T0.AddDays(1), 1_000));

        Assert.Equal(WindowCounts.None, history.Payer);
        Assert.Equal(WindowCounts.None, history.Merchant);
        Assert.Equal(1, history.MerchantAmounts.Count);
        Assert.Equal(new RegionCounts(0, 1), history.MerchantRegions);
        Assert.Equal(new LastSeen("CN-SH", T0), history.PayerLastSeen);
    }

    [Fact]
    public void Sums_are_in_the_payments_currency_and_counts_in_any()
    {
        var recorder = new RiskHistoryRecorder();
        recorder.Record(Payment("p1", T0, 1_000));
        recorder.Record(Payment("p2", T0.AddMinutes(1), 700, Usd));

        var cny = recorder.Record(Payment("p3", T0.AddMinutes(2), 1_000));
        var usd = recorder.Record(Payment("p4", T0.AddMinutes(3), 1_000, Usd));

        Assert.Equal((2, 1_000L, 1_000L), (cny.Payer.Count1h, cny.Payer.Sum1h, cny.Payer.Sum24h));
        Assert.Equal((3, 700L, 700L), (usd.Payer.Count1h, usd.Payer.Sum1h, usd.Payer.Sum24h));
    }

    [Fact]
    public void Keys_a_payment_does_not_have_are_empty_and_are_not_counted()
    {
        var recorder = new RiskHistoryRecorder();
        recorder.Record(Payment("p1", T0, 1_000) with { DeviceId = null, CardFingerprint = null });

        var history = recorder.Record(Payment("p2", T0.AddSeconds(1), 1_000));

        Assert.Equal(WindowCounts.None, history.Device);
        Assert.Equal(WindowCounts.None, history.Card);
        Assert.Equal(1, history.Payer.Count1m);
    }

    [Fact]
    public void The_merchant_knows_its_amounts_and_regions_and_the_payer_their_last_located_place()
    {
        var recorder = new RiskHistoryRecorder();
        recorder.Record(Payment("p1", T0, 1_000, region: "CN-GD"));
        recorder.Record(Payment("p2", T0.AddMinutes(1), 3_000, region: "CN-BJ"));
        recorder.Record(Payment("p3", T0.AddMinutes(2), 9_000, region: null));

        var history = recorder.Record(Payment("p4", T0.AddMinutes(3), 1_000, region: "CN-GD"));

        Assert.Equal(AmountStats.None.With(1_000).With(3_000).With(9_000), history.MerchantAmounts);
        Assert.Equal(new RegionCounts(FromRegion: 1, Located: 2), history.MerchantRegions);
        Assert.Equal(new LastSeen("CN-BJ", T0.AddMinutes(1)), history.PayerLastSeen);
    }

    [Fact]
    public void What_the_merchant_supplies_is_counted_at_that_merchant_only_and_the_card_at_every_merchant()
    {
        var recorder = new RiskHistoryRecorder();
        for (var i = 0; i < 6; i++)
        {
            recorder.Record(Payment("a" + i, T0.AddSeconds(i), 100, region: "CN-SH"));
        }

        var there = recorder.Record(Payment("b1", T0.AddMinutes(1), 100) with { MerchantId = "mch_2" });
        var here = recorder.Record(Payment("a6", T0.AddMinutes(2), 100));

        Assert.Equal((WindowCounts.None, WindowCounts.None, WindowCounts.None, WindowCounts.None), (there.Payer, there.Ip, there.Device, there.Merchant));
        Assert.Null(there.PayerLastSeen);
        Assert.Equal((6, 6), (there.Card.Count10m, there.Card.Small10m));
        Assert.Equal((6, 6, 6, 7), (here.Payer.Count10m, here.Ip.Small10m, here.Device.Count10m, here.Card.Count10m));
        Assert.Equal(new LastSeen("CN-SH", T0.AddSeconds(5)), here.PayerLastSeen);
    }

    [Fact]
    public void A_payment_earlier_than_the_last_one_is_refused()
    {
        var recorder = new RiskHistoryRecorder();
        recorder.Record(Payment("p1", T0, 1_000));

        Assert.Throws<ArgumentException>(() => recorder.Record(Payment("p2", T0.AddTicks(-1), 1_000)));
    }

    [Fact]
    public void A_generated_stream_gets_the_same_histories_as_counting_every_earlier_payment()
    {
        var stream = PaymentStreamGenerator.Generate(new GeneratorSettings { Payments = 3_000, Days = 2, Merchants = 5, Payers = 60 }, 17);
        var recorder = new RiskHistoryRecorder();

        for (var i = 0; i < stream.Count; i++)
        {
            var facts = stream[i].Facts;
            var earlier = stream.Take(i).Select(p => p.Facts).ToList();
            Assert.Equal(Counted(earlier, facts), recorder.Record(facts));
        }
    }

    /// <summary>The history by its definition: a scan of every earlier payment.</summary>
    private static RiskHistory Counted(List<RiskFacts> earlier, RiskFacts facts)
    {
        // What the merchant supplies is counted per merchant; the card fingerprint, which a channel reports, at every merchant.
        WindowCounts Windows(Func<RiskFacts, string?> key, bool perMerchant = true)
        {
            if (key(facts) is not { } value)
            {
                return WindowCounts.None;
            }

            var same = earlier.Where(e => key(e) == value && (!perMerchant || e.MerchantId == facts.MerchantId)).ToList();
            int In(TimeSpan length) => same.Count(e => facts.At - e.At < length);
            long Sum(TimeSpan length) => same.Where(e => facts.At - e.At < length && e.Amount.Currency == facts.Amount.Currency).Sum(e => e.Amount.MinorUnits);
            return new WindowCounts(
                In(TimeSpan.FromMinutes(1)), In(TimeSpan.FromMinutes(10)), In(TimeSpan.FromHours(1)), In(TimeSpan.FromDays(1)),
                Sum(TimeSpan.FromHours(1)), Sum(TimeSpan.FromDays(1)),
                same.Count(e => facts.At - e.At < TimeSpan.FromMinutes(10) && e.Amount.MinorUnits <= RiskFeatures.SmallAmountMinorUnits));
        }

        var merchant = earlier.Where(e => e.MerchantId == facts.MerchantId).ToList();
        var located = merchant.Where(e => e.IpRegion is not null).ToList();
        var last = facts.PayerId is null ? null : merchant.LastOrDefault(e => e.PayerId == facts.PayerId && e.IpRegion is not null);
        return new RiskHistory(
            Windows(f => f.PayerId), Windows(f => f.PayerIp), Windows(f => f.DeviceId), Windows(f => f.CardFingerprint, perMerchant: false), Windows(f => f.MerchantId),
            merchant.Aggregate(AmountStats.None, (stats, e) => stats.With(e.Amount.MinorUnits)),
            located.Count == 0 ? RegionCounts.None : new RegionCounts(located.Count(e => e.IpRegion == facts.IpRegion), located.Count),
            last is null ? null : new LastSeen(last.IpRegion!, last.At));
    }

    private static RiskFacts Payment(string id, DateTimeOffset at, long minor, Currency? currency = null, string? region = "CN-GD") =>
        new("mch_1", id, new Money(minor, currency ?? Currency.Cny), "card", at, "payer_1", "10.0.0.1", "dev_1", "card_1", "CN", region);
}
