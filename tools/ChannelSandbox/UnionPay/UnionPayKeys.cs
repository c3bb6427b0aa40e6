using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChannelSandbox.UnionPay;

/// <summary>
/// The sandbox's key material: UnionPay's signing key and the certificate (chained to the generated root through
/// the middle) that every answer and notification carries as <c>signPubKeyCert</c>, and the merchant's signing
/// certificate whose serial (in decimal) is the <c>certId</c> requests must name.
/// </summary>
public sealed class UnionPayKeys(RSA unionPaySigningKey, string unionPaySigningCertPem, X509Certificate2 merchantCert)
{
    public RSA UnionPaySigningKey { get; } = unionPaySigningKey;

    /// <summary>The PEM exactly as it goes on the wire, with CRLF line ends as UnionPay sends it.</summary>
    public string UnionPaySigningCertPem { get; } = unionPaySigningCertPem;

    public X509Certificate2 MerchantCert { get; } = merchantCert;

    public string MerchantCertId { get; } = new System.Numerics.BigInteger(merchantCert.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
