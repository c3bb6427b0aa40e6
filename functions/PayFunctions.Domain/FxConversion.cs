namespace PayFunctions.Domain;

/// <summary>
/// Exact currency conversion in <see cref="decimal"/>. A rate has at most <see cref="SignificantDigits"/>
/// significant digits, so an amount (at most 19 digits) times a rate stays within decimal's 28 digits and the
/// product is exact; the only rounding is the last step, to the target currency's minor unit, half away from zero.
/// </summary>
public static class FxConversion
{
    /// <summary>Significant digits kept in a rate: far finer than any published reference rate (five or six).</summary>
    public const int SignificantDigits = 10;

    /// <summary>
    /// <paramref name="amount"/> at <paramref name="rate"/> (units of <paramref name="to"/> per unit of the amount's
    /// currency, in major units), in minor units of <paramref name="to"/>, rounded half away from zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not positive, has more than <see cref="SignificantDigits"/> significant digits, or the result does not fit.</exception>
    public static Money Convert(Money amount, decimal rate, Currency to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount.MinorUnits, nameof(amount));
        if (rate <= 0 || RoundSignificant(rate) != rate)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, $"A rate must be positive with at most {SignificantDigits} significant digits.");
        }

        var exact = amount.MinorUnits * rate * Pow10(to.MinorUnitDigits - amount.Currency.MinorUnitDigits);
        var rounded = decimal.Round(exact, 0, MidpointRounding.AwayFromZero);
        return rounded <= long.MaxValue
            ? new Money((long)rounded, to)
            : throw new ArgumentOutOfRangeException(nameof(amount), amount, "The converted amount does not fit.");
    }

    /// <summary><paramref name="value"/> rounded half away from zero to <see cref="SignificantDigits"/> significant digits, without trailing zeros.</summary>
    public static decimal RoundSignificant(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        var magnitude = 0;
        for (var v = value; v >= 10; v /= 10)
        {
            magnitude++;
        }

        for (var v = value; v < 1; v *= 10)
        {
            magnitude--;
        }

        var decimals = SignificantDigits - 1 - magnitude;
        var rounded = decimals >= 0
            ? decimal.Round(value, Math.Min(decimals, 28), MidpointRounding.AwayFromZero)
            : decimal.Round(value / Pow10(-decimals), 0, MidpointRounding.AwayFromZero) * Pow10(-decimals);

        // Dividing by one with 28 zeros keeps the value and drops the trailing zeros of its scale.
        return rounded / 1.0000000000000000000000000000m;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10;
        }

        return exponent >= 0 ? result : 1 / result;
    }
}
