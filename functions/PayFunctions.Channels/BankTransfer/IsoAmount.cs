using System.Globalization;
using PayFunctions.Domain;

namespace PayFunctions.Channels.BankTransfer;

/// <summary>ISO 20022 amounts ("1234.5", at most the currency's minor digits) to and from minor units, digit by digit.</summary>
internal static class IsoAmount
{
    /// <summary>ISO 20022's <c>totalDigits</c> for an amount: what <see cref="Format"/> writes never exceeds it.</summary>
    private const int MaxDigits = 18;

    /// <summary>
    /// The amount in minor units; false for a sign, an exponent, spaces, more decimals than the currency has, or more than
    /// <see cref="MaxDigits"/> significant digits once written with the currency's decimals (so every amount read can be
    /// written back, and none overflows a long).
    /// </summary>
    public static bool TryParse(string? text, Currency currency, out Money amount)
    {
        amount = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        if (whole.Length == 0 || fraction.Length > currency.MinorUnitDigits || (point >= 0 && fraction.Length == 0)
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)
            || whole.TrimStart('0').Length + currency.MinorUnitDigits > MaxDigits)
        {
            return false;
        }

        var minor = long.Parse(whole + fraction.PadRight(currency.MinorUnitDigits, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        amount = new Money(minor, currency);
        return true;
    }

    /// <summary>"1234.50" for 123450 cents: every minor digit written, as pain.001 samples do.</summary>
    public static string Format(Money amount)
    {
        var digits = amount.Currency.MinorUnitDigits;
        var text = amount.MinorUnits.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        return digits == 0 ? text : text[..^digits] + "." + text[^digits..];
    }
}
