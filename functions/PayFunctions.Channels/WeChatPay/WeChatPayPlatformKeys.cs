using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// The WeChat Pay keys an account accepts signatures from, by serial: a platform certificate's serial number or a
/// WeChat Pay public key's id (<c>PUB_KEY_ID_...</c>). WeChat Pay signs with two keys at once while a platform
/// certificate is renewed and while an account moves to public-key mode, naming the key in <c>Wechatpay-Serial</c>.
/// </summary>
internal sealed class WeChatPayPlatformKeys : IDisposable
{
    private const string CertificateLabel = "CERTIFICATE";
    private const string PublicKeyLabel = "PUBLIC KEY";
    private const string RsaPublicKeyLabel = "RSA PUBLIC KEY";

    private readonly Dictionary<string, RSA> _keys;

    private WeChatPayPlatformKeys(Dictionary<string, RSA> keys) => _keys = keys;

    /// <summary>The serials accepted, in configuration order.</summary>
    public IReadOnlyCollection<string> Serials => _keys.Keys;

    /// <summary>
    /// Pairs the PEM blocks of <paramref name="pem"/> (PUBLIC KEY or CERTIFICATE) with <paramref name="serials"/> in
    /// order. A serial may be left empty for a certificate, which then names itself; a serial given for a certificate
    /// must be the certificate's own, which catches a list out of order. A public key's id must be given.
    /// </summary>
    /// <exception cref="ArgumentException">The blocks and serials do not pair up, or a block is not an RSA key.</exception>
    public static WeChatPayPlatformKeys Parse(string pem, IReadOnlyList<string> serials)
    {
        var keys = new Dictionary<string, RSA>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var index = 0;
            var rest = pem.AsMemory();
            while (PemEncoding.TryFind(rest.Span, out var fields))
            {
                var label = rest.Span[fields.Label].ToString();
                var der = Convert.FromBase64String(rest.Span[fields.Base64Data].ToString());
                rest = rest[fields.Location.End..];
                var configured = index < serials.Count ? serials[index].Trim() : string.Empty;
                var (serial, key) = label switch
                {
                    CertificateLabel => FromCertificate(der, configured),
                    PublicKeyLabel or RsaPublicKeyLabel when configured.Length > 0 => (configured, FromPublicKey(der, label)),
                    PublicKeyLabel or RsaPublicKeyLabel => throw new ArgumentException($"PlatformSerialNo lists no id for public key {index + 1}.", nameof(serials)),
                    _ => throw new ArgumentException($"A platform key PEM block must be a PUBLIC KEY, an RSA PUBLIC KEY or a CERTIFICATE, not {label}.", nameof(pem)),
                };
                if (!keys.TryAdd(serial, key))
                {
                    key.Dispose();
                    throw new ArgumentException($"Platform serial {serial} is listed twice.", nameof(serials));
                }

                index++;
            }

            if (index == 0)
            {
                throw new ArgumentException("The platform key secret holds no PEM block.", nameof(pem));
            }

            if (serials.Count > index)
            {
                throw new ArgumentException($"PlatformSerialNo lists {serials.Count} serials for {index} platform keys.", nameof(serials));
            }

            return new WeChatPayPlatformKeys(keys);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            DisposeAll(keys.Values);
            throw new ArgumentException("A platform key PEM block is not a valid RSA public key or certificate.", nameof(pem), ex);
        }
        catch
        {
            DisposeAll(keys.Values);
            throw;
        }
    }

    /// <summary>The key a message names by its <c>Wechatpay-Serial</c>; false for a serial this account does not accept.</summary>
    public bool TryGet(string serial, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RSA? key) => _keys.TryGetValue(serial, out key);

    public void Dispose() => DisposeAll(_keys.Values);

    private static void DisposeAll(IEnumerable<RSA> keys)
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }

    private static (string Serial, RSA Key) FromCertificate(byte[] der, string configured)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);

        // .NET writes the DER integer, sign byte included (00F5...); WeChat Pay writes the number without leading zeros.
        var serial = certificate.SerialNumber.TrimStart('0');
        if (configured.Length > 0)
        {
            serial = string.Equals(configured.TrimStart('0'), serial, StringComparison.OrdinalIgnoreCase)
                ? configured
                : throw new ArgumentException($"PlatformSerialNo lists {configured} where the certificate's serial is {serial}.", nameof(configured));
        }

        return (serial, certificate.GetRSAPublicKey() ?? throw new ArgumentException("A platform certificate does not hold an RSA key.", nameof(der)));
    }

    private static RSA FromPublicKey(byte[] der, string label)
    {
        var key = RSA.Create();
        try
        {
            if (label == RsaPublicKeyLabel)
            {
                key.ImportRSAPublicKey(der, out _);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(der, out _);
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
