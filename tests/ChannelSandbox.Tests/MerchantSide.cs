using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChannelSandbox.Tests;

/// <summary>
/// The merchant's half of WeChat Pay API v3, written here from the protocol rather than taken from the
/// sandbox, so that a mistake shared by both sides cannot pass unnoticed.
/// </summary>
public sealed class MerchantSide(RSA merchantPrivateKey, RSA platformPublicKey, byte[] apiV3Key, string mchId, string serialNo)
{
    public HttpRequestMessage SignedRequest(HttpMethod method, string pathAndQuery, string? body = null) =>
        SignedWith(merchantPrivateKey, method, pathAndQuery, body);

    public HttpRequestMessage SignedWith(RSA key, HttpMethod method, string pathAndQuery, string? body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N");
        var message = $"{method.Method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body ?? ""}\n";
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"WECHATPAY2-SHA256-RSA2048 mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{serialNo}\"");
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Checks a platform signature over <c>timestamp\nnonce\nbody\n</c>, the body as raw bytes.</summary>
    public bool VerifiesPlatformSignature(string timestamp, string nonce, string signature, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n").Concat(body).Append((byte)'\n').ToArray();
        return platformPublicKey.VerifyData(message, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public string Decrypt(string ciphertext, string nonce, string associatedData)
    {
        var data = Convert.FromBase64String(ciphertext);
        var plaintext = new byte[data.Length - 16];
        using var aes = new AesGcm(apiV3Key, 16);
        aes.Decrypt(Encoding.UTF8.GetBytes(nonce), data.AsSpan(0, plaintext.Length), data.AsSpan(plaintext.Length), plaintext, Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(plaintext);
    }
}
