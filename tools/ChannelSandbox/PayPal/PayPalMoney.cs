using System.Globalization;
using System.Text.RegularExpressions;

namespace ChannelSandbox.PayPal;

/// <summary>An amount as PayPal checks it: a currency it takes and a value with exactly as many decimals as it allows, in cents (or units).</summary>
public sealed partial record PayPalMoney(string CurrencyCode, long Minor)
{
    private static readonly HashSet<string> Currencies = new(StringComparer.Ordinal)
    {
        "AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS", "JPY", "MYR", "MXN", "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD",
        "SEK", "CHF", "THB", "USD",
    };

    private static readonly HashSet<string> WithoutDecimals = new(StringComparer.Ordinal) { "HUF", "JPY", "TWD" };

    public int Decimals => WithoutDecimals.Contains(CurrencyCode) ? 0 : 2;

    public string Value => Decimals == 0
        ? Minor.ToString(CultureInfo.InvariantCulture)
        : (Minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public object ToJson() => new { currency_code = CurrencyCode, value = Value };

    /// <summary>PayPal's checks of an amount object: <c>CURRENCY_NOT_SUPPORTED</c>, <c>DECIMAL_PRECISION</c>, <c>INVALID_PARAMETER_SYNTAX</c>.</summary>
    public static PayPalMoney? TryParse(string? currency, string? value, out string? issue)
    {
        issue = null;
        if (currency is null || !Currencies.Contains(currency))
        {
            issue = "CURRENCY_NOT_SUPPORTED";
            return null;
        }

        if (value is null || !ValueSyntax().IsMatch(value))
        {
            issue = "INVALID_PARAMETER_SYNTAX";
            return null;
        }

        var decimals = WithoutDecimals.Contains(currency) ? 0 : 2;
        var point = value.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && value.Length - point - 1 > decimals)
        {
            issue = "DECIMAL_PRECISION";
            return null;
        }

        var amount = decimal.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new PayPalMoney(currency, (long)(amount * (decimals == 0 ? 1 : 100)));
    }

    [GeneratedRegex(@"^[0-9]{1,17}(\.[0-9]+)?$")]
    private static partial Regex ValueSyntax();
}
