using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Fx;

/// <summary>
/// One day's reference rates from one source. The row key counts down with the date, so the first row of the
/// source's partition is its newest day.
/// </summary>
public sealed class FxRatesEntity : TableRow
{
    public const string EcbSource = "ecb";

    public string Date { get; set; } = "";

    /// <summary>Units per euro by currency code, as decimal strings, keys in ordinal order: equal days store equal text.</summary>
    public string RatesJson { get; set; } = "{}";

    public DateTimeOffset LoadedAt { get; set; }

    [IgnoreDataMember]
    public ReferenceRates Rates => new(
        DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        (JsonSerializer.Deserialize<Dictionary<string, string>>(RatesJson) ?? [])
            .ToDictionary(kv => kv.Key, kv => decimal.Parse(kv.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), StringComparer.Ordinal));

    public static FxRatesEntity From(ReferenceRates rates, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new FxRatesEntity
        {
            PartitionKey = EcbSource,
            RowKey = RowKeyOf(rates.Date),
            Date = rates.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            RatesJson = JsonSerializer.Serialize(new SortedDictionary<string, string>(
                rates.PerEuro.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(CultureInfo.InvariantCulture)), StringComparer.Ordinal)),
            LoadedAt = loadedAt,
        };
    }

    /// <summary>Days before 10000-01-01 counted down, eight digits: newer days sort first.</summary>
    public static string RowKeyOf(DateOnly date) =>
        (DateOnly.MaxValue.DayNumber - date.DayNumber).ToString("D8", CultureInfo.InvariantCulture);
}
