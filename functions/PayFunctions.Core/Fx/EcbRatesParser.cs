using System.Globalization;
using System.Xml;
using PayFunctions.Core.Http;
using PayFunctions.Domain;

namespace PayFunctions.Core.Fx;

/// <summary>
/// Reads the ECB's daily reference rates file (eurofxref-daily.xml) exactly as the ECB publishes it: a
/// <c>gesmes:Envelope</c> holding <c>Cube</c> / <c>Cube time="yyyy-MM-dd"</c> / <c>Cube currency="USD" rate="1.0705"</c>.
/// The reader refuses DTDs (so no entity expansion or external entities), resolves nothing and stops at
/// <see cref="MaxBytes"/>; every fault is a 400 problem with code <c>fx_rates_invalid</c>.
/// </summary>
public static class EcbRatesParser
{
    /// <summary>The daily file is under 2 KB; the ECB's 90-day file is about 100 KB and is not accepted here.</summary>
    public const int MaxBytes = 16 * 1024;

    public const string GesmesNamespace = "http://www.gesmes.org/xml/2002-08-01";
    public const string EurofxrefNamespace = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    /// <summary>The largest rate accepted: more units per euro than any currency the ECB lists (IDR is about 20 000).</summary>
    private const decimal MaxRate = 10_000_000m;
    private const int MaxRateCharacters = 20;

    /// <param name="Rates">The day's rates of the currencies the platform supports.</param>
    /// <param name="Ignored">Listed currencies the platform does not support, upper case.</param>
    public sealed record Parsed(ReferenceRates Rates, IReadOnlyList<string> Ignored);

    public static (Parsed? Value, ApiError? Error) Parse(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length == 0 || xml.Length > MaxBytes)
        {
            return Fail($"The body must be the ECB's daily reference rates XML, 1 to {MaxBytes} bytes.");
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), Settings);
            return Read(reader);
        }
        catch (XmlException e)
        {
            return Fail($"The body is not well-formed XML without a DTD (line {e.LineNumber.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    private static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBytes,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private static (Parsed?, ApiError?) Read(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Envelope" || reader.NamespaceURI != GesmesNamespace)
        {
            return Fail("The root element must be gesmes:Envelope.");
        }

        DateOnly? date = null;
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Cube" || reader.NamespaceURI != EurofxrefNamespace)
            {
                continue;
            }

            var time = reader.GetAttribute("time");
            var currency = reader.GetAttribute("currency");
            if (time is not null)
            {
                if (date is not null)
                {
                    return Fail("The file holds more than one day; load the daily file (eurofxref-daily.xml).");
                }

                if (!DateOnly.TryParseExact(time, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return Fail("Cube time must be a date, yyyy-MM-dd.");
                }

                date = day;
            }
            else if (currency is not null)
            {
                if (date is null || reader.Depth != 3)
                {
                    return Fail("A Cube with a currency must sit inside the Cube of its day.");
                }

                if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper) || !seen.Add(currency))
                {
                    return Fail("Each Cube currency must be a distinct upper-case three-letter code.");
                }

                if (!TryRate(reader.GetAttribute("rate"), out var rate))
                {
                    return Fail($"The rate of {currency} must be a positive decimal number of at most {MaxRateCharacters} characters, at most {MaxRate.ToString(CultureInfo.InvariantCulture)}.");
                }

                if (Currency.TryParse(currency, out var supported) && supported.Code != ReferenceRates.Euro)
                {
                    rates[supported.Code] = rate;
                }
                else
                {
                    ignored.Add(currency);
                }
            }
        }

        return date is null || rates.Count == 0
            ? Fail("The file lists no day with rates of a supported currency.")
            : (new Parsed(new ReferenceRates(date.Value, rates), ignored), null);
    }

    /// <summary>The rate without trailing zeros ("19.4970" is 19.497), so a day loaded again compares equal.</summary>
    private static bool TryRate(string? text, out decimal rate)
    {
        rate = 0;
        if (text is not { Length: > 0 and <= MaxRateCharacters }
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || parsed <= 0 || parsed > MaxRate)
        {
            return false;
        }

        rate = FxConversion.RoundSignificant(parsed);
        return rate == parsed;
    }

    private static (Parsed?, ApiError?) Fail(string detail) =>
        (null, new ApiError(400, "fx_rates_invalid", "The reference rates could not be read.", detail));
}
