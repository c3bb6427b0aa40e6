using System.Globalization;

namespace PayFunctions.Domain.Aml;

/// <summary>
/// Places an amount against a standard: renminbi as it is, any other currency as its US dollar equivalent through the
/// day's reference rates. An amount in a currency the rates do not list cannot be measured; the run reports it.
/// </summary>
public sealed class AmlMeasure(ReferenceRates? rates)
{
    private static readonly Currency Usd = Currency.Parse("USD");

    /// <summary>The amount in fen (renminbi) or US cents (foreign), or false when no rate converts it.</summary>
    public bool TryMeasure(Money amount, out bool foreign, out long value)
    {
        foreign = amount.Currency != Currency.Cny;
        value = amount.MinorUnits;
        if (!foreign || amount.Currency == Usd)
        {
            return true;
        }

        if (rates is null || !rates.TryCross(amount.Currency, Usd, out var rate))
        {
            return false;
        }

        var scale = (decimal)Math.Pow(10, Usd.MinorUnitDigits - amount.Currency.MinorUnitDigits);
        value = (long)Math.Round(amount.MinorUnits * rate * scale, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>The measured value as money: renminbi, or US dollars for the foreign-currency figure.</summary>
    public static Money AsMoney(bool foreign, long value) => new(value, foreign ? Usd : Currency.Cny);

    /// <summary>"CNY 500,000.00" for reasons people read.</summary>
    public static string Format(Money amount)
    {
        var digits = amount.Currency.MinorUnitDigits;
        var major = amount.MinorUnits / (decimal)Math.Pow(10, digits);
        return amount.Currency.Code + " " + major.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
