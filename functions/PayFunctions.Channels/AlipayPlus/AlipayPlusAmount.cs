using System.Globalization;
using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// The Alipay+ <c>Amount</c> object, <c>{"currency": "PHP", "value": "10000"}</c>: the value is a string of the amount in the
/// currency's smallest unit as ISO 4217 defines it (so IDR has two digits: Rp 300 is <c>"30000"</c>), at most 16 digits.
/// </summary>
public static class AlipayPlusAmount
{
    private const int MaxDigits = 16;

    /// <summary>The value string of <paramref name="amount"/>.</summary>
    public static string Value(Money amount) => amount.MinorUnits.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Amount object of <paramref name="amount"/>.</summary>
    public static Dictionary<string, string> Of(Money amount) => new() { ["currency"] = amount.Currency.Code, ["value"] = Value(amount) };

    /// <summary>Reads an Amount object; null when it is absent, a currency the platform does not know, or a value that is not digits.</summary>
    public static Money? Read(JsonElement amount)
    {
        if (amount.ValueKind != JsonValueKind.Object
            || !amount.TryGetProperty("currency", out var currency) || currency.ValueKind != JsonValueKind.String
            || !amount.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String
            || !Currency.TryParse(currency.GetString(), out var parsedCurrency))
        {
            return null;
        }

        var digits = value.GetString()!;
        return digits.Length is > 0 and <= MaxDigits && digits.All(char.IsAsciiDigit)
            ? new Money(long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture), parsedCurrency)
            : null;
    }
}
