using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;

namespace PayFunctions.Core.Security;

/// <summary>
/// Optional request signing for merchants who want more than a bearer key: the header
/// <c>PayFunctions-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where v1 is HMAC-SHA256 under the
/// key's signing secret over <c>t.METHOD.path?query.hex(SHA-256(body))</c>. A request is checked when
/// it carries the header or its key requires signing; the timestamp must be within
/// <see cref="Tolerance"/> of now, and a signature already accepted in that window is refused, so a
/// captured request can neither be replayed later nor twice.
/// </summary>
public sealed class RequestSignature(ApiKeyStore apiKeys, TimeProvider time)
{
    public const string Header = "PayFunctions-Signature";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private const string SecretPrefix = "pfsig_";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    // Signatures seen within the window; bounded, and swept of those past it before it grows further.
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    public static string NewSecret() => SecretPrefix + RandomNumberGenerator.GetString(Alphabet, 40);

    /// <summary>The signature for a request, as a client computes it; the server compares its own with what was sent.</summary>
    public static string Compute(string secret, long timestamp, string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var payload = string.Join('.', timestamp.ToString(CultureInfo.InvariantCulture), method.ToUpperInvariant(), pathAndQuery, Convert.ToHexStringLower(SHA256.HashData(body)));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>Null when the request may go on; otherwise why its signature is refused.</summary>
    public async Task<ApiError?> CheckAsync(HttpRequest request, ApiKeyEntity key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        var header = request.Headers[Header].ToString();
        if (header.Length == 0)
        {
            return key.SignatureRequired ? ApiError.SignatureInvalid($"This key requires every request to carry a {Header} header.") : null;
        }

        if (!TryParse(header, out var timestamp, out var presented))
        {
            return ApiError.SignatureInvalid($"{Header} must be 't=<unix seconds>,v1=<64 hex digits>'.");
        }

        var now = time.GetUtcNow();
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if ((now - signedAt).Duration() > Tolerance)
        {
            return ApiError.SignatureInvalid($"The signature's timestamp is more than {Tolerance.TotalMinutes} minutes from now.");
        }

        var secret = await apiKeys.SigningSecretAsync(key, cancellationToken);
        var body = await BodyAsync(request, cancellationToken);
        if (secret is null || body is null)
        {
            return ApiError.SignatureInvalid(secret is null ? "This key has no signing secret; roll it to get one." : "The body is too large to sign.");
        }

        var expected = Compute(secret, timestamp, request.Method, request.Path.Value + request.QueryString.Value, body);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented)))
        {
            return ApiError.SignatureInvalid("The signature does not match the request.");
        }

        return Remember(key.Id + ":" + presented, signedAt + Tolerance, now)
            ? null
            : ApiError.SignatureInvalid("This signed request was already received.");
    }

    private static bool TryParse(string header, out long timestamp, out string signature)
    {
        timestamp = 0;
        signature = "";
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                && t is > 0 and < 32_503_680_000)
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && part.Length == 67 && part[3..].All(char.IsAsciiHexDigitLower))
            {
                signature = part[3..];
            }
        }

        return timestamp > 0 && signature.Length == 64;
    }

    /// <summary>The raw body, left readable for the handler; null when over the API's limit.</summary>
    private static async Task<byte[]?> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering(RequestBody.MaxBytes + 1);
        var body = await RequestBody.ReadBytesAsync(request, cancellationToken);
        request.Body.Position = 0;
        return body;
    }

    private bool Remember(string signature, DateTimeOffset until, DateTimeOffset now)
    {
        if (seen.Count >= MaxRemembered)
        {
            foreach (var old in seen.Where(s => s.Value <= now))
            {
                seen.TryRemove(old.Key, out _);
            }
        }

        return seen.TryAdd(signature, until);
    }
}
