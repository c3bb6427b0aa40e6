using System.Globalization;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Stripe;

/// <summary>A report amount in major units ("-12.34", "1000") read digit by digit into minor units, never through a float.</summary>
internal static class MajorUnits
{
    /// <summary>The size of the amount in minor units, whatever its sign (the statement line's type gives the direction).</summary>
    public static long ToMinorUnits(string text, Currency currency, int row)
    {
        var digits = text.StartsWith('-') ? text[1..] : text;
        var point = digits.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? string.Empty : digits[(point + 1)..];
        if (whole.Length == 0 || whole.Length > 15 || fraction.Length > currency.MinorUnitDigits
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || (point >= 0 && fraction.Length == 0))
        {
            throw new FormatException($"Row {row}: '{text}' is not an amount in {currency} major units.");
        }

        return long.Parse(whole + fraction.PadRight(currency.MinorUnitDigits, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
