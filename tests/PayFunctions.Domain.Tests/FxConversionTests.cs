using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class FxConversionTests
{
    private static readonly Currency Jpy = Currency.Parse("JPY");
    private static readonly Currency Kwd = Currency.Parse("KWD");
    private static readonly Currency Usd = Currency.Parse("USD");

    [Theory]
    [InlineData(12_345, "0.002", 24_690)]
    [InlineData(1, "0.0020345", 2)]
    [InlineData(1, "0.0025", 3)]
    [InlineData(1, "0.0024999999", 2)]
    public void Yen_to_dinar_gains_three_minor_digits_and_rounds_half_up(long yen, string rate, long fils) =>
        Assert.Equal(new Money(fils, Kwd), FxConversion.Convert(new Money(yen, Jpy), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), Kwd));

    [Theory]
    [InlineData(1, "500", 1)]
    [InlineData(1, "499", 0)]
    [InlineData(1_500, "499.9", 750)]
    [InlineData(2_001, "0.5", 1)]
    public void Dinar_to_yen_loses_three_minor_digits_and_rounds_half_up(long fils, string rate, long yen) =>
        Assert.Equal(new Money(yen, Jpy), FxConversion.Convert(new Money(fils, Kwd), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), Jpy));

    [Fact]
    public void A_rate_finer_than_ten_significant_digits_is_refused_rather_than_rounded_silently() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FxConversion.Convert(new Money(1, Usd), 0.12345678901m, Jpy));

    [Theory]
    [InlineData("0.1376884293456", "0.1376884293")]
    [InlineData("160.61653435", "160.6165344")]
    [InlineData("12345678901234", "12345678900000")]
    [InlineData("1.50000", "1.5")]
    [InlineData("0.00000000123456789051", "0.000000001234567891")]
    public void Rates_keep_ten_significant_digits_rounded_half_up(string value, string expected) =>
        Assert.Equal(
            expected,
            FxConversion.RoundSignificant(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Property(Arbitrary = [typeof(FxArbitraries)], MaxTest = 1_000)]
    public void Conversion_is_the_exact_product_rounded_once_half_up(FxCase c)
    {
        var converted = FxConversion.Convert(new Money(c.Amount, c.From), c.Rate, c.To);

        Assert.Equal(c.To, converted.Currency);
        Assert.Equal(ExactRoundedHalfUp(c.Amount, c.Rate, c.From, c.To), converted.MinorUnits);
    }

    [Property(Arbitrary = [typeof(FxArbitraries)], MaxTest = 500)]
    public void Conversion_never_decreases_as_the_amount_grows(FxCase c)
    {
        var at = FxConversion.Convert(new Money(c.Amount, c.From), c.Rate, c.To).MinorUnits;
        var next = FxConversion.Convert(new Money(c.Amount + 1, c.From), c.Rate, c.To).MinorUnits;

        Assert.True(next >= at, $"{c}: {c.Amount + 1} converts to {next}, less than {at}");
    }

    /// <summary>The same conversion in integers: the rate as mantissa / 10^scale, the quotient rounded half up.</summary>
    internal static long ExactRoundedHalfUp(long amount, decimal rate, Currency from, Currency to)
    {
        var bits = decimal.GetBits(rate);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        var numerator = amount * mantissa * BigInteger.Pow(10, Math.Max(0, to.MinorUnitDigits - from.MinorUnitDigits));
        var denominator = BigInteger.Pow(10, scale) * BigInteger.Pow(10, Math.Max(0, from.MinorUnitDigits - to.MinorUnitDigits));
        return (long)(((2 * numerator) + denominator) / (2 * denominator));
    }
}

/// <summary>An amount in one currency and a rate (at most ten significant digits) to another.</summary>
public sealed record FxCase(long Amount, Currency From, Currency To, decimal Rate)
{
    public override string ToString() => $"{Amount} {From} at {Rate} to {To}";
}

public static class FxArbitraries
{
    private static readonly string[] Codes = ["CNY", "USD", "EUR", "JPY", "KRW", "KWD", "BHD", "IDR"];

    public static Arbitrary<FxCase> Cases() => CaseGen().ToArbitrary();

    private static Gen<FxCase> CaseGen() =>
        from amount in Gen.OneOf(Gen.Choose(1, 1_000).Select(i => (long)i), Gen.Choose(1, int.MaxValue).Select(i => (long)i * 5))
         from source in Gen.Elements(Codes)
         from target in Gen.Elements(Codes).Where(c => c != source)
         from mantissa in Gen.Choose(1, int.MaxValue)
         from scale in Gen.Choose(4, 14)
         select new FxCase(amount, Currency.Parse(source), Currency.Parse(target), FxConversion.RoundSignificant(new decimal(mantissa, 0, 0, false, (byte)scale)));

    /// <summary>A cross-currency payment: its quote, its gross, and how the merchant's side is split.</summary>
    public static Arbitrary<FxPaymentCase> Payments() =>
        (from c in CaseGen()
         from margin in Gen.Choose(0, FxQuote.MaxMarginBasisPoints)
         from feeBasisPoints in Gen.Choose(0, 300)
         from recipientBasisPoints in Gen.Choose(0, 5_000)
         from seed in Gen.Choose(0, int.MaxValue)
         let rates = new ReferenceRates(new DateOnly(2026, 11, 27), new Dictionary<string, decimal> { [c.From.Code] = 1m, [c.To.Code] = c.Rate })
         let quote = FxQuote.Lock(Normalised(rates), c.From, c.To, margin, DateTimeOffset.UnixEpoch)!
         where quote.SettlementAmount(c.Amount).IsPositive
         select new FxPaymentCase(quote, c.Amount, new FeeSchedule(feeBasisPoints, 0), recipientBasisPoints, seed))
        .ToArbitrary();

    // The euro is 1 per euro by definition: a case converting from or to it keeps only the other rate.
    private static ReferenceRates Normalised(ReferenceRates rates) =>
        rates with { PerEuro = rates.PerEuro.Where(kv => kv.Key != ReferenceRates.Euro).ToDictionary(kv => kv.Key, kv => kv.Value) };
}

public sealed record FxPaymentCase(FxQuote Quote, long Gross, FeeSchedule Fee, int RecipientBasisPoints, int Seed)
{
    public override string ToString() =>
        $"{Gross} {Quote.Presentment} at {Quote.Rate} (reference {Quote.ReferenceRate}) to {Quote.Settlement}, fee {Fee.BasisPoints}bp, recipient {RecipientBasisPoints}bp, seed {Seed}";
}
