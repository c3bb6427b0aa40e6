using System.Collections.Frozen;

namespace PayFunctions.Domain;

/// <summary>An ISO 4217 currency and the number of digits of its minor unit.</summary>
public readonly record struct Currency
{
    private static readonly FrozenDictionary<string, int> MinorDigits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["CNY"] = 2,
        ["HKD"] = 2,
        ["USD"] = 2,
        ["EUR"] = 2,
        ["GBP"] = 2,
        ["SGD"] = 2,
        ["MYR"] = 2,
        ["THB"] = 2,
        ["PHP"] = 2,
        ["IDR"] = 2,
        ["AUD"] = 2,
        ["CAD"] = 2,
        ["CHF"] = 2,
        ["TWD"] = 2,
        ["NZD"] = 2,
        ["SEK"] = 2,
        ["NOK"] = 2,
        ["DKK"] = 2,
        ["PLN"] = 2,
        ["CZK"] = 2,
        ["HUF"] = 2,
        ["ILS"] = 2,
        ["MXN"] = 2,
        ["JPY"] = 0,
        ["KRW"] = 0,
        ["VND"] = 0,
        ["KWD"] = 3,
        ["BHD"] = 3,
        ["JOD"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private Currency(string code, int minorUnitDigits)
    {
        Code = code;
        MinorUnitDigits = minorUnitDigits;
    }

    /// <summary>The three-letter upper-case ISO 4217 code.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point: 2 for CNY, 0 for JPY, 3 for KWD.</summary>
    public int MinorUnitDigits { get; }

    /// <summary>Chinese yuan, the currency of the domestic channels.</summary>
    public static Currency Cny { get; } = new("CNY", 2);

    /// <summary>Parses a code case-insensitively; returns false for codes the platform does not support.</summary>
    public static bool TryParse(string? code, out Currency currency)
    {
        currency = default;
        if (code is null || code.Length != 3)
        {
            return false;
        }

        var upper = code.ToUpperInvariant();
        if (!MinorDigits.TryGetValue(upper, out var digits))
        {
            return false;
        }

        currency = new Currency(upper, digits);
        return true;
    }

    /// <summary>Parses a supported code or throws <see cref="ArgumentException"/>.</summary>
    public static Currency Parse(string code) =>
        TryParse(code, out var currency) ? currency : throw new ArgumentException($"Unsupported currency '{code}'.", nameof(code));

    /// <inheritdoc />
    public override string ToString() => Code;
}
