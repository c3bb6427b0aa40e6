using System.Globalization;
using PayFunctions.Domain;

namespace PayFunctions.Channels.BankTransfer;

/// <summary>ISO 20022 amounts ("1234.5", at most the currency's minor digits) to and from minor units, digit by digit.</summary>
internal static class IsoAmount
{
    /// <summary>The amount in minor units; false for a sign, an exponent, spaces or more decimals than the currency has.</summary>
    public static bool TryParse(string? text, Currency currency, out Money amount)
    {
        amount = default;
        if (string.IsNullOrEmpty(text) || text.Length > 19)
        {
            return false;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        if (whole.Length == 0 || fraction.Length > currency.MinorUnitDigits || (point >= 0 && fraction.Length == 0)
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
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
