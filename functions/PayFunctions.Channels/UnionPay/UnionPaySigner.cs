using System.Security.Cryptography;

namespace PayFunctions.Channels.UnionPay;

/// <summary>Signs a request the ACP 5.1.0 way (<c>signMethod=01</c>): sets <c>certId</c>, then <c>signature</c> over everything else.</summary>
internal sealed class UnionPaySigner : IDisposable
{
    private readonly RSA _key;
    private readonly string _certId;

    public UnionPaySigner(string privateKeyPem, string certId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        if (string.IsNullOrEmpty(certId) || !certId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The signing certificate id is the certificate's serial number in decimal.", nameof(certId));
        }

        _key = RSA.Create();
        try
        {
            _key.ImportFromPem(privateKeyPem);
        }
        catch (ArgumentException ex)
        {
            _key.Dispose();
            throw new ArgumentException("The signing private key is not an RSA private key in PEM form.", nameof(privateKeyPem), ex);
        }

        _certId = certId;
    }

    /// <summary>Adds <c>certId</c> and <c>signature</c> to <paramref name="fields"/>; blank fields must already be left out, as the SDK's filterBlank does.</summary>
    public void Sign(Dictionary<string, string> fields)
    {
        fields["certId"] = _certId;
        fields.Remove(UnionPaySigningString.SignatureField);
        var signature = _key.SignData(UnionPaySigningString.DigestHex(fields), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        fields[UnionPaySigningString.SignatureField] = Convert.ToBase64String(signature);
    }

    public void Dispose() => _key.Dispose();
}
