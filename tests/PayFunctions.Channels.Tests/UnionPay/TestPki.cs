using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PayFunctions.Channels.Tests.UnionPay;

/// <summary>A UnionPay-shaped PKI made for the test run: root → middle → signing certificate.</summary>
internal sealed class TestPki
{
    public const string UnionPaySubject = "CN=041@Z20@中国银联股份有限公司@00000001, OU=Enterprises, O=CFCA OCA1, C=cn";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    // Key generation dominates test time, so the run shares one chain and one merchant key.
    public static readonly TestPki Shared = new();

    private readonly RSA _rootKey = RSA.Create(2048);
    private readonly RSA _middleKey = RSA.Create(2048);

    public TestPki()
    {
        Root = CreateCa("CN=Test UnionPay Root", _rootKey, null);
        Middle = CreateCa("CN=Test UnionPay Middle", _middleKey, (Root, _rootKey));
        (Signing, SigningKey) = CreateSigning(UnionPaySubject, Now.AddDays(-10), Now.AddYears(1));
        MerchantKey = RSA.Create(2048);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Middle { get; }

    public X509Certificate2 Signing { get; }

    public RSA SigningKey { get; }

    public RSA MerchantKey { get; }

    public string RootPem => Root.ExportCertificatePem();

    public string MiddlePem => Middle.ExportCertificatePem();

    public string SigningPem => Signing.ExportCertificatePem().ReplaceLineEndings("\r\n");

    /// <summary>A signing certificate under this PKI's middle with the given subject and validity.</summary>
    public (X509Certificate2 Certificate, RSA Key) CreateSigning(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var middle = Middle.CopyWithPrivateKey(_middleKey);
        return (request.Create(middle, notBefore, notAfter, RandomNumberGenerator.GetBytes(8)), key);
    }

    private static X509Certificate2 CreateCa(string subject, RSA key, (X509Certificate2 Cert, RSA Key)? issuer)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is not { } parent)
        {
            using var selfSigned = request.CreateSelfSigned(Now.AddYears(-5), Now.AddYears(15));
            return X509CertificateLoader.LoadCertificate(selfSigned.RawData);
        }

        using var parentWithKey = parent.Cert.CopyWithPrivateKey(parent.Key);
        return request.Create(parentWithKey, Now.AddYears(-4), Now.AddYears(10), RandomNumberGenerator.GetBytes(8));
    }
}
