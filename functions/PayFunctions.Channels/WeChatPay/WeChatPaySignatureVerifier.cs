using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// Verifies the platform signature of API responses and callbacks: SHA256withRSA over
/// <c>timestamp\nnonce\nbody\n</c> with the raw body bytes, from the configured platform key only, within the
/// configured clock tolerance.
/// </summary>
internal sealed class WeChatPaySignatureVerifier : IDisposable
{
    private readonly RSA _publicKey;
    private readonly string _platformSerialNo;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    public WeChatPaySignatureVerifier(string platformPublicKeyPem, string platformSerialNo, TimeSpan tolerance, TimeProvider timeProvider)
    {
        _publicKey = ImportPublicKey(platformPublicKeyPem);
        _platformSerialNo = platformSerialNo;
        _tolerance = tolerance;
        _timeProvider = timeProvider;
    }

    /// <summary>The verification message; the body stays raw bytes so that no re-encoding can alter it.</summary>
    public static byte[] BuildMessage(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(timestamp + "\n" + nonce + "\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }

    /// <summary>Checks serial, freshness and signature; on failure <paramref name="failure"/> names the first problem.</summary>
    public bool TryVerify(WeChatPaySignatureHeaders headers, ReadOnlySpan<byte> body, [NotNullWhen(false)] out string? failure)
    {
        if (string.IsNullOrEmpty(headers.Timestamp) || string.IsNullOrEmpty(headers.Nonce)
            || string.IsNullOrEmpty(headers.Signature) || string.IsNullOrEmpty(headers.Serial))
        {
            failure = "signature_headers_missing";
            return false;
        }

        // Only the configured key may sign; accepting any serial would let a rotated-out or foreign key through.
        if (!string.Equals(headers.Serial, _platformSerialNo, StringComparison.OrdinalIgnoreCase))
        {
            failure = "platform_serial_unknown";
            return false;
        }

        if (!long.TryParse(headers.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            failure = "timestamp_invalid";
            return false;
        }

        var skew = _timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > _tolerance)
        {
            failure = "timestamp_stale";
            return false;
        }

        if (!VerifySignature(BuildMessage(headers.Timestamp, headers.Nonce, body), headers.Signature))
        {
            failure = "signature_invalid";
            return false;
        }

        failure = null;
        return true;
    }

    /// <summary>Whether <paramref name="signatureBase64"/> is the platform key's SHA256withRSA signature of <paramref name="message"/>.</summary>
    public bool VerifySignature(ReadOnlySpan<byte> message, string signatureBase64)
    {
        var signature = new byte[signatureBase64.Length];
        return Convert.TryFromBase64String(signatureBase64, signature, out var written)
            && _publicKey.VerifyData(message, signature.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose() => _publicKey.Dispose();

    // Older merchants verify with a downloaded platform certificate, newer ones with the "WeChat Pay public key".
    private static RSA ImportPublicKey(string pem)
    {
        if (pem.Contains("CERTIFICATE-----", StringComparison.Ordinal))
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return certificate.GetRSAPublicKey()
                ?? throw new ArgumentException("The platform certificate does not hold an RSA key.", nameof(pem));
        }

        var key = RSA.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
