using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.Alipay;

/// <summary>
/// Alipay's RSA2 signatures (SHA256withRSA, PKCS#1 v1.5, base64) and the signing strings they cover, as the
/// OpenAPI documentation defines them ("自行实现签名" and "自行实现验签").
/// </summary>
public static class AlipaySignature
{
    /// <summary>The only signature type this adapter sends or accepts.</summary>
    public const string SignType = "RSA2";

    /// <summary>
    /// The request signing string: every parameter except <c>sign</c> whose name and value are non-empty, sorted
    /// by name (ordinal, i.e. ASCII), joined as <c>name=value</c> with <c>&amp;</c>, values raw (not URL-encoded).
    /// <c>sign_type</c> is included.
    /// </summary>
    public static string RequestContent(IEnumerable<KeyValuePair<string, string>> parameters) =>
        Content(parameters, excludeSignType: false);

    /// <summary>
    /// The asynchronous notification (and return URL) verification string: as <see cref="RequestContent"/>
    /// but without <c>sign_type</c> either, over the URL-decoded values.
    /// </summary>
    public static string NotificationContent(IEnumerable<KeyValuePair<string, string>> parameters) =>
        Content(parameters, excludeSignType: true);

    /// <summary>The base64 RSA2 signature of the UTF-8 bytes of <paramref name="content"/>.</summary>
    public static string Sign(RSA privateKey, string content)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(content);
        return Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>Whether <paramref name="signatureBase64"/> is a valid RSA2 signature of <paramref name="content"/>.</summary>
    public static bool Verify(RSA publicKey, ReadOnlySpan<byte> content, string? signatureBase64)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (string.IsNullOrEmpty(signatureBase64))
        {
            return false;
        }

        var signature = new byte[signatureBase64.Length];
        return Convert.TryFromBase64String(signatureBase64, signature, out var written)
            && publicKey.VerifyData(content, signature.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Whether <paramref name="signatureBase64"/> is a valid RSA2 signature of the UTF-8 bytes of <paramref name="content"/>.</summary>
    public static bool Verify(RSA publicKey, string content, string? signatureBase64) =>
        Verify(publicKey, Encoding.UTF8.GetBytes(content), signatureBase64);

    /// <summary>
    /// Imports an RSA private key given as PEM (PKCS#8 or PKCS#1) or, as Alipay's key tool and console hand it
    /// out, as bare base64 of either encoding.
    /// </summary>
    /// <exception cref="ArgumentException">Not an RSA private key.</exception>
    public static RSA ImportPrivateKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var rsa = RSA.Create();
        try
        {
            if (key.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(key);
                return rsa;
            }

            var der = FromBareBase64(key);
            try
            {
                rsa.ImportPkcs8PrivateKey(der, out _);
            }
            catch (CryptographicException)
            {
                rsa.ImportRSAPrivateKey(der, out _);
            }

            return rsa;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();
            throw new ArgumentException("The app private key is not an RSA private key (PEM or base64 of PKCS#8 or PKCS#1).", nameof(key), ex);
        }
    }

    /// <summary>Imports an RSA public key given as a PUBLIC KEY PEM or as bare base64 of SubjectPublicKeyInfo.</summary>
    /// <exception cref="ArgumentException">Not an RSA public key.</exception>
    public static RSA ImportPublicKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var rsa = RSA.Create();
        try
        {
            if (key.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(key);
            }
            else
            {
                rsa.ImportSubjectPublicKeyInfo(FromBareBase64(key), out _);
            }

            return rsa;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();
            throw new ArgumentException("The Alipay public key is not an RSA public key (PEM or base64 of SubjectPublicKeyInfo).", nameof(key), ex);
        }
    }

    private static byte[] FromBareBase64(string key) =>
        Convert.FromBase64String(string.Concat(key.Where(c => !char.IsWhiteSpace(c))));

    private static string Content(IEnumerable<KeyValuePair<string, string>> parameters, bool excludeSignType)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var included = parameters
            .Where(parameter => !string.IsNullOrEmpty(parameter.Key) && !string.IsNullOrEmpty(parameter.Value))
            .Where(parameter => parameter.Key != "sign" && !(excludeSignType && parameter.Key == "sign_type"))
            .OrderBy(parameter => parameter.Key, StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var (name, value) in included)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(name).Append('=').Append(value);
        }

        return builder.ToString();
    }
}
