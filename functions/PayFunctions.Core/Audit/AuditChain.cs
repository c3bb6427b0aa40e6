using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PayFunctions.Core.Audit;

/// <summary>
/// The chain's format: record n's hash is SHA-256 over record n−1's hash (32 bytes; zeros for the first record)
/// followed by the UTF-8 canonical JSON of record n. Changing anything here breaks every stored chain; a test pins
/// the hash of a known record.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public const string IdPrefix = "aud_";

    private const int IdDigits = 16;

    /// <summary>The newest record's row key is the smallest.</summary>
    public static string RowKeyOf(long sequence) => (long.MaxValue - sequence).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The sequence number a row key stands for; false for a row key the chain never writes.</summary>
    public static bool TryParseRowKey(string? rowKey, out long sequence)
    {
        sequence = 0;
        if (rowKey is not { Length: 19 } || !long.TryParse(rowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var inverted))
        {
            return false;
        }

        sequence = long.MaxValue - inverted;
        return sequence > 0;
    }

    public static string IdOf(long sequence) => IdPrefix + sequence.ToString("D" + IdDigits, CultureInfo.InvariantCulture);

    public static bool TryParseId(string? id, out long sequence)
    {
        sequence = 0;
        return id is { Length: 20 }
            && id.StartsWith(IdPrefix, StringComparison.Ordinal)
            && id.AsSpan(IdPrefix.Length).IndexOfAnyExceptInRange('0', '9') < 0
            && long.TryParse(id.AsSpan(IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence > 0;
    }

    /// <summary>The record's fields in a fixed order, no whitespace; the detail is hashed as the string stored.</summary>
    public static byte[] Canonical(AuditEntity record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", record.Sequence);
            json.WriteString("type", record.Type);
            json.WriteString("actor", record.Actor);
            json.WriteString("subject", record.Subject);
            json.WriteString("detail", record.Detail);
            json.WriteString("time", FormatTime(record.Time));
            json.WriteString("request_id", record.RequestId);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string HashOf(string previousHash, AuditEntity record)
    {
        var previous = Convert.FromHexString(previousHash);
        var canonical = Canonical(record);
        var input = new byte[previous.Length + canonical.Length];
        previous.CopyTo(input, 0);
        canonical.CopyTo(input, previous.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>The detail's keys sorted ordinally, so equal details give equal bytes.</summary>
    public static string CanonicalDetail(IReadOnlyDictionary<string, object?>? detail) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object?>(
            detail?.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal) ?? [], StringComparer.Ordinal));

    public static DateTimeOffset ToMilliseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
