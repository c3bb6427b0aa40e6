using System.Globalization;
using PayFunctions.Domain;

namespace PayFunctions.Channels.PayPal;

/// <summary>
/// Money as PayPal's <c>amount.value</c> strings: a plain decimal with the currency's digits. PayPal takes no decimals for
/// HUF, JPY and TWD, although ISO 4217 gives HUF and TWD two: their amounts must be whole units.
/// </summary>
internal static class PayPalAmounts
{
    public const string AmountNotWhole = "AMOUNT_NOT_WHOLE_UNITS";

    private static readonly HashSet<string> WithoutDecimals = new(StringComparer.Ordinal) { "HUF", "JPY", "TWD" };

    /// <summary>The digits after the point PayPal writes for <paramref name="currency"/>.</summary>
    public static int Digits(Currency currency) => WithoutDecimals.Contains(currency.Code) ? 0 : currency.MinorUnitDigits;

    /// <summary>The value string of <paramref name="money"/>, a positive amount.</summary>
    /// <exception cref="ChannelException">A HUF or TWD amount with a fractional part, which PayPal refuses.</exception>
    public static string Format(Money money)
    {
        if (!money.IsPositive)
        {
            throw new ChannelException("PayPal takes positive amounts only.", "AMOUNT_INVALID", null, isTransient: false);
        }

        var drop = money.Currency.MinorUnitDigits - Digits(money.Currency);
        var scale = Pow10(drop);
        if (money.MinorUnits % scale != 0)
        {
            throw new ChannelException($"PayPal takes {money.Currency} in whole units only.", AmountNotWhole, null, isTransient: false);
        }

        var units = money.MinorUnits / scale;
        var digits = Digits(money.Currency);
        if (digits == 0)
        {
            return units.ToString(CultureInfo.InvariantCulture);
        }

        var divisor = Pow10(digits);
        return string.Create(CultureInfo.InvariantCulture, $"{units / divisor}.{(units % divisor).ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}");
    }

    /// <summary>Reads a value string in <paramref name="currencyCode"/> into minor units, digit by digit; false when it is not one.</summary>
    public static bool TryParse(string? value, string? currencyCode, out Money money)
    {
        money = default;
        if (value is null || !Currency.TryParse(currencyCode, out var currency) || value.Length is 0 or > 32)
        {
            return false;
        }

        var point = value.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? value : value[..point];
        var fraction = point < 0 ? string.Empty : value[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || fraction.Length > currency.MinorUnitDigits
            || (point >= 0 && fraction.Length == 0))
        {
            return false;
        }

        if (!long.TryParse(whole + fraction.PadRight(currency.MinorUnitDigits, '0'), NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        money = new Money(minor, currency);
        return true;
    }

    /// <summary>10 to the power of <paramref name="exponent"/>, in integers.</summary>
    public static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
