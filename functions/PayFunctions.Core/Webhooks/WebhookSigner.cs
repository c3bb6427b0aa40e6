using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Core.Webhooks;

/// <summary>
/// Standard Webhooks signing: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the base64 secret
/// after its "whsec_" prefix, sent as "v1,{base64}" in the webhook-signature header.
/// </summary>
public static class WebhookSigner
{
    public const string SecretPrefix = "whsec_";

    public static string Sign(string secret, string messageId, DateTimeOffset timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var payload = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, payload));
    }

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}
