using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PayFunctions.Channels.UnionPay;

/// <summary>
/// Verifies a signed answer or back notification as the ACP SDK does for 5.1.0 (AcpService.validate,
/// CertUtil.verifyCertificate): the <c>signPubKeyCert</c> it carries must be within validity, chain through the
/// configured middle certificate to the configured UnionPay root, and name UnionPay as its owner (the third
/// '@'-separated part of its CN); then its key must verify <c>signature</c> over the signing string's SHA-256 hex.
/// </summary>
internal sealed class UnionPayVerifier : IDisposable
{
    /// <summary>The owner UnionPay's production signing certificate names (SDKConstants.UNIONPAY_CNNAME).</summary>
    public const string UnionPayOwner = "中国银联股份有限公司";

    /// <summary>The owner UnionPay's test-environment signing certificate names.</summary>
    public const string TestOwner = "00040000:SIGN";

    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _middle;
    private readonly bool _acceptTestOwner;
    private readonly TimeProvider _time;

    public UnionPayVerifier(string rootCertPem, string middleCertPem, bool acceptTestOwner, TimeProvider time)
    {
        _root = LoadCertificate(rootCertPem, nameof(rootCertPem));
        try
        {
            _middle = LoadCertificate(middleCertPem, nameof(middleCertPem));
        }
        catch
        {
            _root.Dispose();
            throw;
        }

        _acceptTestOwner = acceptTestOwner;
        _time = time;
    }

    public bool TryVerify(IReadOnlyDictionary<string, string> fields, out string failure)
    {
        if (!fields.TryGetValue("signMethod", out var signMethod) || signMethod != "01"
            || !fields.TryGetValue("version", out var version) || version != "5.1.0")
        {
            failure = "sign_method_unsupported";
            return false;
        }

        if (!fields.TryGetValue(UnionPaySigningString.SignatureField, out var signatureText) || string.IsNullOrEmpty(signatureText)
            || !fields.TryGetValue("signPubKeyCert", out var certPem) || string.IsNullOrEmpty(certPem))
        {
            failure = "signature_missing";
            return false;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certPem);
        }
        catch (CryptographicException)
        {
            failure = "certificate_malformed";
            return false;
        }

        using (certificate)
        {
            // A certificate that parses can still hold a key OpenSSL cannot read: building its chain or taking its key throws.
            try
            {
                return TryCheckCertificate(certificate, out failure) && TryCheckSignature(certificate, fields, signatureText, out failure);
            }
            catch (CryptographicException)
            {
                failure = "certificate_malformed";
                return false;
            }
        }
    }

    private static bool TryCheckSignature(X509Certificate2 certificate, IReadOnlyDictionary<string, string> fields, string signatureText, out string failure)
    {
        var signature = new byte[signatureText.Length];
        using var key = certificate.GetRSAPublicKey();
        if (key is null || !Convert.TryFromBase64String(signatureText, signature, out var length)
            || !key.VerifyData(UnionPaySigningString.DigestHex(fields), signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            failure = "signature_invalid";
            return false;
        }

        failure = string.Empty;
        return true;
    }

    public void Dispose()
    {
        _root.Dispose();
        _middle.Dispose();
    }

    /// <summary>The owner part of a UnionPay certificate's CN, e.g. "041@Z20@中国银联股份有限公司@00000001" → the company.</summary>
    public static string Owner(X509Certificate2 certificate)
    {
        var parts = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false).Split('@');
        return parts.Length > 2 ? parts[2] : string.Empty;
    }

    private bool TryCheckCertificate(X509Certificate2 certificate, out string failure)
    {
        var now = _time.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            failure = "certificate_expired";
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_root);
        chain.ChainPolicy.ExtraStore.Add(_middle);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        var built = chain.Build(certificate);
        var anchored = built && chain.ChainElements.Count == 3
            && chain.ChainElements[1].Certificate.RawDataMemory.Span.SequenceEqual(_middle.RawDataMemory.Span)
            && chain.ChainElements[2].Certificate.RawDataMemory.Span.SequenceEqual(_root.RawDataMemory.Span);
        foreach (var element in chain.ChainElements)
        {
            element.Certificate.Dispose();
        }

        if (!anchored)
        {
            failure = "certificate_untrusted";
            return false;
        }

        var owner = Owner(certificate);
        if (owner != UnionPayOwner && !(_acceptTestOwner && owner == TestOwner))
        {
            failure = "certificate_not_unionpay";
            return false;
        }

        failure = string.Empty;
        return true;
    }

    private static X509Certificate2 LoadCertificate(string pem, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pem, name);
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("Not a certificate in PEM form.", name, ex);
        }
    }
}
