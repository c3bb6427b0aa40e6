using PayFunctions.Domain.Risk;
using PayFunctions.RiskModel.Generation;
using PayFunctions.RiskModel.History;

namespace PayFunctions.Core.Tests.RiskModel;

public sealed class PaymentStreamGeneratorTests
{
    private static readonly GeneratorSettings Settings = new() { Payments = 20_000 };

    private static readonly Lazy<(IReadOnlyList<GeneratedPayment> Stream, RiskFeatures[] Features)> Generated = new(() =>
    {
        var stream = PaymentStreamGenerator.Generate(Settings, 5);
        return (stream, StreamFeatures.Of(stream));
    });

    private static IReadOnlyList<GeneratedPayment> Stream => Generated.Value.Stream;

    public static TheoryData<PaymentPattern> Patterns => new(Enum.GetValues<PaymentPattern>());

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Each_pattern_is_present_at_its_rate(PaymentPattern pattern)
    {
        var count = Stream.Count(p => p.Pattern == pattern);

        Assert.Equal(Settings.Payments, Stream.Count);
        Assert.Equal((int)Math.Round(Settings.RateOf(pattern) * Settings.Payments), count);
    }

    [Fact]
    public void Labels_are_flipped_at_the_noise_rates()
    {
        var fraud = Stream.Where(p => p.Pattern.IsFraud()).ToList();
        var legitimate = Stream.Where(p => !p.Pattern.IsFraud()).ToList();

        var missed = (double)fraud.Count(p => !p.Label) / fraud.Count;
        var falseFraud = (double)legitimate.Count(p => p.Label) / legitimate.Count;

        // Within four standard deviations of the binomial: 540 fraud payments at 5 %, 19 460 legitimate at 0.1 %.
        Assert.InRange(missed, Settings.MissedFraudRate - 0.04, Settings.MissedFraudRate + 0.04);
        Assert.InRange(falseFraud, Settings.FalseFraudRate - 0.001, Settings.FalseFraudRate + 0.001);
    }

    [Fact]
    public void The_stream_is_in_time_order_with_unique_payments_over_its_days()
    {
        Assert.True(Stream.Zip(Stream.Skip(1)).All(pair => pair.First.Facts.At <= pair.Second.Facts.At));
        Assert.Equal(Stream.Count, Stream.Select(p => p.Facts.PaymentId).Distinct().Count());
        Assert.True(Stream[0].Facts.At >= Settings.Start);
        Assert.True(Stream[^1].Facts.At < Settings.Start.AddDays(Settings.Days + 1));
    }

    [Fact]
    public void The_same_seed_gives_the_same_stream_and_another_seed_another()
    {
        var small = new GeneratorSettings { Payments = 2_000 };

        Assert.Equal(PaymentStreamGenerator.Generate(small, 9), PaymentStreamGenerator.Generate(small, 9));
        Assert.NotEqual(PaymentStreamGenerator.Generate(small, 9).Select(p => p.Facts), PaymentStreamGenerator.Generate(small, 10).Select(p => p.Facts));
    }

    [Fact]
    public void Card_testing_comes_in_bursts_of_small_payments_from_one_address()
    {
        var testing = Indexes(PaymentPattern.CardTesting);

        Assert.All(testing, i => Assert.Equal(1, Generated.Value.Features[i].IsSmall));
        Assert.True(testing.Count(i => Generated.Value.Features[i].IpSmall10m >= 5) > testing.Count / 2);
    }

    [Fact]
    public void A_taken_over_account_pays_many_times_within_the_hour()
    {
        var velocity = Indexes(PaymentPattern.Velocity);

        Assert.True(velocity.Count(i => Generated.Value.Features[i].PayerCount1h >= 3) > velocity.Count / 2);
    }

    [Fact]
    public void Outlying_amounts_lie_far_above_the_merchants_usual()
    {
        var outliers = Indexes(PaymentPattern.AmountOutlier).Where(i => Generated.Value.Features[i].AmountZ != 0).ToList();

        Assert.NotEmpty(outliers);
        Assert.All(outliers, i => Assert.True(Generated.Value.Features[i].AmountZ > 2, $"z = {Generated.Value.Features[i].AmountZ}"));
    }

    [Fact]
    public void Impossible_travel_is_faster_than_any_flight_and_travellers_are_not()
    {
        var impossible = Indexes(PaymentPattern.ImpossibleTravel);
        var travellers = Indexes(PaymentPattern.Traveller);

        Assert.All(impossible, i => Assert.True(Generated.Value.Features[i].TravelKmh > 900, $"{Generated.Value.Features[i].TravelKmh} km/h"));
        Assert.True(travellers.Count(i => Generated.Value.Features[i].TravelKmh > 0) > travellers.Count / 10);
        Assert.True(travellers.Count(i => Generated.Value.Features[i].TravelKmh > 900) < travellers.Count / 50);
    }

    [Fact]
    public void Stolen_cards_pay_from_abroad_and_new_payers_from_where_the_merchant_never_sells()
    {
        Assert.All(Indexes(PaymentPattern.IpCountryMismatch), i => Assert.Equal(1, Generated.Value.Features[i].IpCountryMismatch));
        var unusual = Indexes(PaymentPattern.UnusualRegion).Where(i => Generated.Value.Features[i].RegionShare < 1).ToList();
        Assert.NotEmpty(unusual);
        Assert.True(unusual.Count(i => Generated.Value.Features[i].RegionShare < 0.02) > unusual.Count * 9 / 10);
    }

    [Fact]
    public void Settings_that_do_not_make_a_stream_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PaymentStreamGenerator.Generate(new GeneratorSettings { CardTestingRate = 0.6 }, 1));
        Assert.Throws<ArgumentException>(() => PaymentStreamGenerator.Generate(new GeneratorSettings { Days = 0 }, 1));
    }

    private static List<int> Indexes(PaymentPattern pattern) =>
        Enumerable.Range(0, Stream.Count).Where(i => Stream[i].Pattern == pattern).ToList();
}
