namespace PayFunctions.Domain;

/// <summary>
/// A rate locked for one payment: what its presentment currency converts to in its merchant's settlement currency.
/// The merchant is paid at <see cref="Rate"/>, the reference rate less the platform's margin; the difference between
/// the two conversions is the platform's FX gain.
/// </summary>
/// <param name="Presentment">The currency the payer pays in.</param>
/// <param name="Settlement">The currency the merchant is paid in.</param>
/// <param name="ReferenceRate">Units of <paramref name="Settlement"/> per unit of <paramref name="Presentment"/>, from the reference rates.</param>
/// <param name="MarginBasisPoints">The margin taken off the reference rate.</param>
/// <param name="Rate">The rate the merchant is paid at.</param>
/// <param name="RatesDate">The day of the reference rates.</param>
/// <param name="LockedUntil">Until when the rate holds: the end of the time the payment can be paid.</param>
public sealed record FxQuote(
    Currency Presentment, Currency Settlement, decimal ReferenceRate, int MarginBasisPoints, decimal Rate, DateOnly RatesDate, DateTimeOffset LockedUntil)
{
    /// <summary>The largest margin a quote may take: 10%.</summary>
    public const int MaxMarginBasisPoints = 1_000;

    /// <summary>
    /// Locks the cross rate of <paramref name="rates"/> less <paramref name="marginBasisPoints"/>; null when the
    /// rates lack either currency.
    /// </summary>
    /// <exception cref="ArgumentException">The currencies are the same or the margin is out of range.</exception>
    public static FxQuote? Lock(ReferenceRates rates, Currency presentment, Currency settlement, int marginBasisPoints, DateTimeOffset lockedUntil)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentOutOfRangeException.ThrowIfNegative(marginBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(marginBasisPoints, MaxMarginBasisPoints);
        if (presentment == settlement)
        {
            throw new ArgumentException("A quote converts between two different currencies.", nameof(settlement));
        }

        if (!rates.TryCross(presentment, settlement, out var reference))
        {
            return null;
        }

        var rate = FxConversion.RoundSignificant(reference * (SplitRule.BasisPointsPerWhole - marginBasisPoints) / SplitRule.BasisPointsPerWhole);
        return new FxQuote(presentment, settlement, reference, marginBasisPoints, rate, rates.Date, lockedUntil);
    }

    /// <summary>What the merchant's side receives for <paramref name="presentmentMinorUnits"/>, at the locked rate.</summary>
    public Money SettlementAmount(long presentmentMinorUnits) => FxConversion.Convert(new Money(presentmentMinorUnits, Presentment), Rate, Settlement);

    /// <summary>What <paramref name="presentmentMinorUnits"/> is worth at the reference rate; never less than <see cref="SettlementAmount"/>.</summary>
    public Money ReferenceAmount(long presentmentMinorUnits) => FxConversion.Convert(new Money(presentmentMinorUnits, Presentment), ReferenceRate, Settlement);
}
