using System.Globalization;

namespace PayFunctions.Channels.PayPal;

/// <summary>The headers PayPal signs a webhook transmission with, and the message it signs.</summary>
internal sealed record PayPalWebhookHeaders(string TransmissionId, string TransmissionTime, string TransmissionSig, string CertUrl, string AuthAlgo)
{
    public const string TransmissionIdHeader = "PAYPAL-TRANSMISSION-ID";
    public const string TransmissionTimeHeader = "PAYPAL-TRANSMISSION-TIME";
    public const string TransmissionSigHeader = "PAYPAL-TRANSMISSION-SIG";
    public const string CertUrlHeader = "PAYPAL-CERT-URL";
    public const string AuthAlgoHeader = "PAYPAL-AUTH-ALGO";

    /// <summary>The one algorithm PayPal signs webhooks with.</summary>
    public const string Sha256WithRsa = "SHA256withRSA";

    public static IReadOnlyList<string> Names { get; } = [TransmissionIdHeader, TransmissionTimeHeader, TransmissionSigHeader, CertUrlHeader, AuthAlgoHeader];

    /// <summary>The five headers, by case-insensitive name; null when one is missing or empty.</summary>
    public static PayPalWebhookHeaders? From(IReadOnlyDictionary<string, string> headers)
    {
        string? Get(string name) =>
            headers.TryGetValue(name, out var value) ? value : headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        var values = Names.Select(Get).ToArray();
        return values.Any(string.IsNullOrWhiteSpace) ? null : new PayPalWebhookHeaders(values[0]!, values[1]!, values[2]!, values[3]!, values[4]!);
    }

    /// <summary>
    /// What PayPal signs: <c>&lt;transmission id&gt;|&lt;transmission time&gt;|&lt;webhook id&gt;|&lt;CRC-32 of the raw body as an
    /// unsigned decimal&gt;</c>, the header values exactly as received.
    /// </summary>
    public static string SignedMessage(string transmissionId, string transmissionTime, string webhookId, ReadOnlySpan<byte> body) =>
        string.Create(CultureInfo.InvariantCulture, $"{transmissionId}|{transmissionTime}|{webhookId}|{PayPalCrc32.Compute(body)}");

    /// <summary>The transmission time as an instant; false when it is not an ISO 8601 date and time with an offset.</summary>
    public bool TryReadTime(out DateTimeOffset time) =>
        DateTimeOffset.TryParse(TransmissionTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
        && TransmissionTime.Contains('T', StringComparison.Ordinal);
}
