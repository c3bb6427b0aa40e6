namespace PayFunctions.Channels.Alipay;

/// <summary>
/// The secrets of one Alipay app, read by the caller from the secret store. <see cref="object.ToString"/> is
/// deliberately not overridden so that the secrets never reach a log.
/// </summary>
public sealed class AlipayCredentials
{
    /// <summary>Holds the secrets; they are parsed by the client.</summary>
    /// <param name="appPrivateKey">The app private key (应用私钥): PEM (PKCS#8 or PKCS#1) or bare base64.</param>
    /// <param name="alipayPublicKey">
    /// Public-key mode: the Alipay public key (支付宝公钥), PEM or bare base64. Certificate mode: the Alipay public-key
    /// certificate (alipayCertPublicKey_RSA2.crt) as CERTIFICATE PEM, which switches the client to certificate mode.
    /// </param>
    public AlipayCredentials(string appPrivateKey, string alipayPublicKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appPrivateKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(alipayPublicKey);
        AppPrivateKey = appPrivateKey;
        AlipayPublicKey = alipayPublicKey;
    }

    /// <summary>The app private key that signs requests.</summary>
    public string AppPrivateKey { get; }

    /// <summary>The Alipay public key, or certificate, that verifies answers and notifications.</summary>
    public string AlipayPublicKey { get; }

    /// <summary>Whether <see cref="AlipayPublicKey"/> is a certificate, i.e. the app is in certificate mode.</summary>
    public bool IsCertificateMode => AlipayPublicKey.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);
}
