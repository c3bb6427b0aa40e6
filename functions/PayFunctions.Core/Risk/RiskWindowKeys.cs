using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PayFunctions.Core.Merchants;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>
/// How the windows are keyed (table <c>riskwindows</c>). Each key of a payment is one partition: its minute buckets
/// for the last hour, its hour buckets for the day, and a marker per payment counted. A payer's id, IP address,
/// device id and card fingerprint are caller- or channel-supplied personal data, so they never appear in a key: each
/// is replaced by an HMAC-SHA256 under a key derived from the platform's pepper. A plain SHA-256 would not do: the
/// IPv4 space and most payer ids are small enough to hash exhaustively, so a copy of the table would give them all
/// back; without the pepper (in Key Vault) the partition keys say nothing. What the merchant supplies (payer id, IP
/// address, device id) is scoped by merchant, because a merchant must not be able to poison another merchant's
/// windows: it may quote any value, and were these windows shared, a few small payments of its own quoting someone's
/// IP address would have the platform's card-testing rule block that address's payments at every merchant. What a
/// channel reports (the card fingerprint) no merchant can choose, so it is scoped by mode only and a card tried at
/// one merchant after another is still seen (test payments never count towards live windows). Rolling the pepper
/// starts every window afresh, which a day's windows survive.
/// </summary>
public sealed class RiskWindowKeys(byte[] key)
{
    /// <summary>
    /// A merchant's payments are spread over this many partitions by payment id, so that its busiest minute is
    /// written by four rows rather than one; a read takes them in one range query.
    /// </summary>
    public const int MerchantShards = 4;

    public const string MarkerPrefix = "~|";
    public const string LastSeenRow = "p|last";
    public const string LocatedRow = "r|*";

    private const string MinuteFormat = "yyyyMMddHHmm";
    private const string HourFormat = "yyyyMMddHH";

    /// <summary>HKDF label of the key: a hash made for the windows verifies nothing else.</summary>
    public static ReadOnlySpan<byte> Label => "payfunctions risk windows v1"u8;

    public string Payer(string merchantId, string payerId) => "payer|" + Hash("payer", Checked(merchantId), payerId);

    public string Device(string merchantId, string deviceId) => "device|" + Hash("device", Checked(merchantId), deviceId);

    /// <summary>An address in its canonical text first, so <c>::ffff:203.0.113.7</c> and <c>203.0.113.7</c> count together.</summary>
    public string Ip(string merchantId, string ip) =>
        "ip|" + Hash("ip", Checked(merchantId), RiskRuleValidator.NormalizeListValue(RiskListField.Ip, ip) ?? ip);

    public string Card(string merchantId, string fingerprint) => "card|" + Hash("card", ModeOf(merchantId), fingerprint);

    /// <summary>The shard of <paramref name="merchantId"/> a payment is counted in: a stable hash of its id.</summary>
    public static string MerchantShard(string merchantId, string paymentId)
    {
        ArgumentNullException.ThrowIfNull(paymentId);
        var hash = 2166136261u;
        foreach (var c in paymentId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return MerchantPrefix(merchantId) + (hash % MerchantShards).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The first and just-past-the-last partition key of a merchant's shards.</summary>
    public static (string From, string Before) MerchantRange(string merchantId) => (MerchantPrefix(merchantId), MerchantPrefix(merchantId) + "~");

    public static string Minute(DateTimeOffset at) => "m|" + at.UtcDateTime.ToString(MinuteFormat, CultureInfo.InvariantCulture);

    public static string Hour(DateTimeOffset at) => "h|" + at.UtcDateTime.ToString(HourFormat, CultureInfo.InvariantCulture);

    /// <summary>The time a bucket row starts at.</summary>
    /// <exception cref="FormatException">The row key is not a bucket's.</exception>
    public static DateTime BucketStart(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        var format = rowKey.StartsWith("m|", StringComparison.Ordinal) ? MinuteFormat : rowKey.StartsWith("h|", StringComparison.Ordinal) ? HourFormat : null;
        return format is not null && DateTime.TryParseExact(rowKey.AsSpan(2), format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start)
            ? start
            : throw new FormatException($"'{rowKey}' is not a risk window bucket's key.");
    }

    public static string Amounts(string currency) => "s|" + Checked(currency);

    public static string Region(string region) => "r|" + Checked(region);

    public static string Marker(string paymentId) => MarkerPrefix + Checked(paymentId);

    /// <summary>The name of a bucket's sum of payments in <paramref name="currency"/>: sums are never added across currencies.</summary>
    public static string SumProperty(string currency) => "Sum_" + Checked(currency);

    private static string MerchantPrefix(string merchantId) => "merchant|" + Checked(merchantId) + "|";

    private static string ModeOf(string merchantId) => Checked(merchantId).EndsWith(MerchantEntity.TestTwinId(""), StringComparison.Ordinal) ? "test" : "live";

    private string Hash(string kind, string scope, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind + "\n" + scope + "\n" + value));
        return Base64Url.EncodeToString(mac.AsSpan(0, 24));
    }

    /// <summary>Merchant and payment ids, currencies and regions are the platform's own; still, one that could break a key is refused.</summary>
    private static string Checked(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return value.Length <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? value
            : throw new ArgumentException($"'{value}' cannot be part of a risk window key.", nameof(value));
    }
}
