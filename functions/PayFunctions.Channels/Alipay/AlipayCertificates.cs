using System.Formats.Asn1;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PayFunctions.Channels.Alipay;

/// <summary>
/// Certificate mode ("公钥证书模式"): the serial numbers sent as <c>app_cert_sn</c> and <c>alipay_root_cert_sn</c>
/// and answered as <c>alipay_cert_sn</c>. A certificate's SN is the lower-case hex MD5 of its issuer DN as Java's
/// <c>X500Principal.getName()</c> writes it (RFC 2253: most specific RDN first, comma-separated, no spaces)
/// followed by the serial number in decimal. The root SN joins, with <c>_</c>, the SNs of the certificates of
/// Alipay's root bundle that are signed with an RSA algorithm (OID 1.2.840.113549.1.1.*), in file order.
/// </summary>
public static class AlipayCertificates
{
    private const string RsaSignatureOidPrefix = "1.2.840.113549.1.1";

    // The attribute keywords RFC 2253 (and so Java) writes by name; every other attribute is written as its OID.
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["2.5.4.3"] = "CN",
        ["2.5.4.6"] = "C",
        ["2.5.4.7"] = "L",
        ["2.5.4.8"] = "ST",
        ["2.5.4.10"] = "O",
        ["2.5.4.11"] = "OU",
        ["2.5.4.9"] = "STREET",
        ["0.9.2342.19200300.100.1.25"] = "DC",
        ["0.9.2342.19200300.100.1.1"] = "UID",
    };

    /// <summary>The SN of one certificate given as PEM.</summary>
    /// <exception cref="ArgumentException">The text holds no certificate.</exception>
    public static string CertificateSn(string pem)
    {
        var der = PemBlocks(pem).FirstOrDefault()
            ?? throw new ArgumentException("No CERTIFICATE PEM block found.", nameof(pem));
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return CertificateSn(certificate);
    }

    /// <summary>The SN of one certificate.</summary>
    public static string CertificateSn(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var serial = new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true);
        var text = IssuerName(certificate.IssuerName) + serial.ToString(CultureInfo.InvariantCulture);
        // MD5 is Alipay's choice for an identifier, not used for any security property here.
#pragma warning disable CA5351
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
    }

    /// <summary>The SN of Alipay's root certificate bundle (alipayRootCert.crt), given as PEM.</summary>
    /// <exception cref="ArgumentException">The bundle holds no RSA-signed certificate.</exception>
    public static string RootCertificateSn(string pem)
    {
        var sns = new List<string>();
        foreach (var der in PemBlocks(pem))
        {
            // The bundle also holds SM2 and ECC roots; only the RSA-signed ones count, and they are picked by the
            // outer signatureAlgorithm without loading the others, which not every platform can parse.
            if (!SignatureAlgorithmOid(der).StartsWith(RsaSignatureOidPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var certificate = X509CertificateLoader.LoadCertificate(der);
            sns.Add(CertificateSn(certificate));
        }

        return sns.Count > 0
            ? string.Join('_', sns)
            : throw new ArgumentException("The root certificate bundle holds no RSA-signed certificate.", nameof(pem));
    }

    /// <summary>The RSA public key of a certificate given as PEM.</summary>
    /// <exception cref="ArgumentException">No certificate, or not an RSA key.</exception>
    public static RSA PublicKey(string pem)
    {
        var der = PemBlocks(pem).FirstOrDefault()
            ?? throw new ArgumentException("No CERTIFICATE PEM block found.", nameof(pem));
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return certificate.GetRSAPublicKey()
            ?? throw new ArgumentException("The certificate does not hold an RSA key.", nameof(pem));
    }

    /// <summary>The issuer DN the way Java's <c>X500Principal.getName()</c> (RFC 2253) writes it.</summary>
    public static string IssuerName(X500DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = new List<string>();
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: true))
        {
            if (rdn.HasMultipleElements)
            {
                throw new ArgumentException("Multi-valued RDNs are not supported in certificate SNs.", nameof(name));
            }

            var oid = rdn.GetSingleElementType().Value!;
            if (Keywords.TryGetValue(oid, out var keyword) && rdn.GetSingleElementValue() is { } value)
            {
                parts.Add(keyword + "=" + Escape(value));
            }
            else
            {
                // RFC 2253 section 2.4: an attribute without a keyword is OID=#<hex of its BER value>.
                parts.Add(oid + "=#" + Convert.ToHexStringLower(AttributeValue(rdn.RawData.Span)));
            }
        }

        return string.Join(',', parts);
    }

    private static byte[] AttributeValue(ReadOnlySpan<byte> rdn)
    {
        var set = new AsnReader(rdn.ToArray(), AsnEncodingRules.DER).ReadSetOf();
        var attribute = set.ReadSequence();
        attribute.ReadObjectIdentifier();
        return attribute.ReadEncodedValue().ToArray();
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var special = c is ',' or '+' or '"' or '\\' or '<' or '>' or ';'
                || (i == 0 && (c == '#' || c == ' '))
                || (i == value.Length - 1 && c == ' ');
            if (special)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string SignatureAlgorithmOid(byte[] der)
    {
        var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        certificate.ReadEncodedValue();
        return certificate.ReadSequence().ReadObjectIdentifier();
    }

    private static IEnumerable<byte[]> PemBlocks(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var remaining = pem.AsMemory();
        while (PemEncoding.TryFind(remaining.Span, out var fields))
        {
            var label = remaining.Span[fields.Label].ToString();
            var base64 = remaining.Span[fields.Base64Data].ToString();
            remaining = remaining[fields.Location.End..];
            if (label == "CERTIFICATE")
            {
                yield return Convert.FromBase64String(base64);
            }
        }
    }
}
