using PayFunctions.Domain;

namespace PayFunctions.Core.Fx;

/// <summary>Settings of cross-currency payments, under <c>Fx</c>.</summary>
public sealed class FxOptions
{
    public const string SectionName = "Fx";

    /// <summary>Taken off the reference rate for the rate a merchant is paid at: 100 is 1%.</summary>
    public int MarginBasisPoints { get; set; } = 100;

    /// <summary>
    /// The longest a cross-currency payment may stay payable, and so the longest a quote holds: a rate locked for a
    /// day is a day's exposure to the market at the platform's risk.
    /// </summary>
    public TimeSpan QuoteValidity { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How old the newest reference rates may be before cross-currency payments are refused. The ECB publishes on
    /// working days around 16:00 CET; six days covers a weekend with the Easter holidays and a late load.
    /// </summary>
    public TimeSpan MaxRateAge { get; set; } = TimeSpan.FromDays(6);

    public bool IsValid() =>
        MarginBasisPoints is >= 0 and <= FxQuote.MaxMarginBasisPoints
        && QuoteValidity >= TimeSpan.FromMinutes(1) && QuoteValidity <= TimeSpan.FromDays(1)
        && MaxRateAge >= TimeSpan.FromDays(1) && MaxRateAge <= TimeSpan.FromDays(31);
}
