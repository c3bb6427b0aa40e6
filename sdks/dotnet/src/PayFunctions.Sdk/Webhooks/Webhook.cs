using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>Verifies a webhook delivery (Standard Webhooks) before its event is parsed.</summary>
/// <remarks>Pass the body exactly as received: a re-serialised body no longer matches its signature.</remarks>
public static class Webhook
{
    /// <summary>How far <c>webhook-timestamp</c> may be from now, either way, by default.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";

    /// <summary>Verifies a delivery and returns its event.</summary>
    /// <param name="payload">The raw request body.</param>
    /// <param name="headers">The request headers; names are matched without regard to case.</param>
    /// <param name="secret">The endpoint's secret, <c>whsec_</c> followed by base64.</param>
    /// <param name="tolerance">How old or early a delivery may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <param name="timeProvider">The clock to measure the timestamp against; the system clock when null.</param>
    /// <exception cref="WebhookVerificationException">A header is missing, no signature matches, or the timestamp
    /// is outside the tolerance.</exception>
    public static Event ConstructEvent(
        byte[] payload,
        IEnumerable<KeyValuePair<string, string>> headers,
        string secret,
        TimeSpan? tolerance = null,
        TimeProvider? timeProvider = null)
    {
        VerifySignature(payload, headers, secret, tolerance, timeProvider);
        try
        {
            return JsonSerializer.Deserialize<Event>(payload, PayFunctionsJson.Options)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException e)
        {
            throw new PayFunctionsException("The webhook's body is not an event: " + e.Message, e);
        }
    }

    /// <summary>Verifies a delivery whose body is held as text, and returns its event.</summary>
    /// <inheritdoc cref="ConstructEvent(byte[], IEnumerable{KeyValuePair{string, string}}, string, TimeSpan?, TimeProvider?)"/>
    public static Event ConstructEvent(
        string payload,
        IEnumerable<KeyValuePair<string, string>> headers,
        string secret,
        TimeSpan? tolerance = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return ConstructEvent(Encoding.UTF8.GetBytes(payload), headers, secret, tolerance, timeProvider);
    }

    /// <summary>Verifies a delivery without parsing it.</summary>
    /// <inheritdoc cref="ConstructEvent(byte[], IEnumerable{KeyValuePair{string, string}}, string, TimeSpan?, TimeProvider?)"/>
    public static void VerifySignature(
        byte[] payload,
        IEnumerable<KeyValuePair<string, string>> headers,
        string secret,
        TimeSpan? tolerance = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(headers);
        var key = DecodeSecret(secret);
        var id = RequiredHeader(headers, "webhook-id");
        var timestamp = RequiredHeader(headers, "webhook-timestamp");
        var signatures = RequiredHeader(headers, "webhook-signature");

        CheckTimestamp(timestamp, tolerance ?? DefaultTolerance, (timeProvider ?? TimeProvider.System).GetUtcNow());

        // The timestamp is signed as sent, so it is not re-formatted here.
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed, prefix.Length);
        var expected = HMACSHA256.HashData(key, signed);

        if (!signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(entry => Matches(entry, expected)))
        {
            throw new WebhookVerificationException("No webhook-signature entry matches the body.");
        }
    }

    private static bool Matches(string entry, byte[] expected)
    {
        var comma = entry.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || entry[..comma] != "v1")
        {
            return false;
        }

        var buffer = new byte[expected.Length];
        return Convert.TryFromBase64String(entry[(comma + 1)..], buffer, out var written)
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(buffer, expected);
    }

    private static void CheckTimestamp(string timestamp, TimeSpan tolerance, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException("webhook-timestamp is not a number of seconds.");
        }

        var age = now.ToUnixTimeSeconds() - seconds;
        if (age > tolerance.TotalSeconds)
        {
            throw new WebhookVerificationException("webhook-timestamp is too old: the delivery may be a replay.");
        }

        if (-age > tolerance.TotalSeconds)
        {
            throw new WebhookVerificationException("webhook-timestamp is in the future.");
        }
    }

    private static string RequiredHeader(IEnumerable<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var (headerName, value) in headers)
        {
            if (string.Equals(headerName, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        throw new WebhookVerificationException($"The {name} header is missing.");
    }

    private static byte[] DecodeSecret(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            return Convert.FromBase64String(encoded);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The webhook secret is not whsec_ followed by base64.", nameof(secret), e);
        }
    }
}
