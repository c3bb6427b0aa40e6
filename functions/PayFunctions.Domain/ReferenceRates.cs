namespace PayFunctions.Domain;

/// <summary>
/// One day's reference rates against the euro, as a central bank publishes them: how many units of each
/// currency one euro buys. Any two currencies convert through the euro.
/// </summary>
/// <param name="Date">The day the rates were published for.</param>
/// <param name="PerEuro">Units of each currency (by ISO 4217 code) per euro; always positive.</param>
public sealed record ReferenceRates(DateOnly Date, IReadOnlyDictionary<string, decimal> PerEuro)
{
    /// <summary>The euro's code; its rate against itself is 1 and is not listed.</summary>
    public const string Euro = "EUR";

    /// <summary>
    /// Units of <paramref name="to"/> per unit of <paramref name="from"/>: the euro rate of one divided by the
    /// other's, to <see cref="FxConversion.SignificantDigits"/> significant digits. False when either is not listed.
    /// </summary>
    public bool TryCross(Currency from, Currency to, out decimal rate)
    {
        rate = 0;
        if (!TryPerEuro(from, out var fromPerEuro) || !TryPerEuro(to, out var toPerEuro))
        {
            return false;
        }

        rate = FxConversion.RoundSignificant(toPerEuro / fromPerEuro);
        return true;
    }

    private bool TryPerEuro(Currency currency, out decimal perEuro)
    {
        if (currency.Code == Euro)
        {
            perEuro = 1;
            return true;
        }

        return PerEuro.TryGetValue(currency.Code, out perEuro) && perEuro > 0;
    }
}
