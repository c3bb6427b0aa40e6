using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// Verifies the platform signature of API responses and callbacks: SHA256withRSA over
/// <c>timestamp\nnonce\nbody\n</c> with the raw body bytes, by the configured platform key that
/// <c>Wechatpay-Serial</c> names, within the configured clock tolerance.
/// </summary>
internal sealed class WeChatPaySignatureVerifier : IDisposable
{
    private readonly WeChatPayPlatformKeys _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Takes ownership of <paramref name="keys"/>.</summary>
    public WeChatPaySignatureVerifier(WeChatPayPlatformKeys keys, TimeSpan tolerance, TimeProvider timeProvider)
    {
        _keys = keys;
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

        // Only a configured key may sign; accepting any serial would let a rotated-out or foreign key through.
        if (!_keys.TryGet(headers.Serial, out var key))
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

        if (!Verify(key, BuildMessage(headers.Timestamp, headers.Nonce, body), headers.Signature))
        {
            failure = "signature_invalid";
            return false;
        }

        failure = null;
        return true;
    }

    /// <summary>Whether <paramref name="signatureBase64"/> is the SHA256withRSA signature of <paramref name="message"/> by the key <paramref name="serial"/> names.</summary>
    public bool VerifySignature(string serial, ReadOnlySpan<byte> message, string signatureBase64) =>
        _keys.TryGet(serial, out var key) && Verify(key, message, signatureBase64);

    public void Dispose() => _keys.Dispose();

    private static bool Verify(RSA key, ReadOnlySpan<byte> message, string signatureBase64)
    {
        var signature = new byte[signatureBase64.Length];
        return Convert.TryFromBase64String(signatureBase64, signature, out var written)
            && key.VerifyData(message, signature.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
