using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelSandbox.UnionPay;

/// <summary>
/// Loads the dev PKI, generating it on first start: a UnionPay root CA, a middle CA under it, UnionPay's signing
/// certificate under the middle (owner "中国银联股份有限公司" in its CN, as the SDK checks), and the merchant's
/// signing certificate. The sandbox's side goes to <c>{StateDirectory}/unionpay.json</c>; the merchant's side to
/// <c>{SecretsDirectory}/unionpay-main-{signing-private-key,root-cert,middle-cert}</c>.
/// </summary>
public static class UnionPayKeyFiles
{
    public const string StateFileName = "unionpay.json";
    public const string SigningPrivateKeySecret = "unionpay-main-signing-private-key";
    public const string RootCertSecret = "unionpay-main-root-cert";
    public const string MiddleCertSecret = "unionpay-main-middle-cert";

    /// <summary>The merchant certificate's serial: the certId of UnionPay's public test certificate, so configurations read familiar.</summary>
    public const string MerchantCertId = "68759663125";

    public const string UnionPaySubject = "CN=041@Z20@中国银联股份有限公司@00000001, OU=Enterprises, OU=Local RA OCA1, O=CFCA OCA1, C=cn";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static UnionPayKeys LoadOrCreate(SandboxOptions options, ILogger logger)
    {
        var statePath = Path.Combine(Path.GetFullPath(options.StateDirectory), StateFileName);
        var secretsDirectory = Path.GetFullPath(options.SecretsDirectory);
        string[] secrets = [SigningPrivateKeySecret, RootCertSecret, MiddleCertSecret];

        // Both halves must come from one generation, so a missing half regenerates everything.
        if (!File.Exists(statePath) || !secrets.All(name => File.Exists(Path.Combine(secretsDirectory, name))))
        {
            Generate(statePath, secretsDirectory, DateTimeOffset.UtcNow);
            logger.LogInformation("Generated UnionPay dev PKI: state {StatePath}, merchant secrets in {SecretsDirectory}", statePath, secretsDirectory);
        }

        var state = JsonSerializer.Deserialize<KeyState>(File.ReadAllText(statePath))
            ?? throw new InvalidDataException($"{statePath} is empty.");
        var signingKey = RSA.Create();
        signingKey.ImportFromPem(state.UnionPaySigningKey);
        return new UnionPayKeys(signingKey, state.UnionPaySigningCert, X509Certificate2.CreateFromPem(state.MerchantCert));
    }

    /// <summary>A fresh chain; public so that tests can build certificates the merchant must refuse.</summary>
    public static (X509Certificate2 Root, X509Certificate2 Middle, X509Certificate2 Signing) CreateChain(
        DateTimeOffset now, string signingSubject = UnionPaySubject, DateTimeOffset? signingNotAfter = null)
    {
        using var rootKey = RSA.Create(2048);
        using var middleKey = RSA.Create(2048);
        var signingKey = RSA.Create(2048);
        var root = CreateCa("CN=CFCA TEST CS CA, O=China Financial Certification Authority, C=CN", rootKey, null, now, pathLength: 1);
        using var rootWithKey = root.CopyWithPrivateKey(rootKey);
        var middle = CreateCa("CN=CFCA TEST OCA1, O=China Financial Certification Authority, C=CN", middleKey, rootWithKey, now, pathLength: 0);
        using var middleWithKey = middle.CopyWithPrivateKey(middleKey);

        var request = new CertificateRequest(signingSubject, signingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var notAfter = signingNotAfter ?? now.AddYears(2);
        var signing = request.Create(middleWithKey, now.AddDays(-1), notAfter < middle.NotAfter ? notAfter : middle.NotAfter, RandomSerial());
        return (root, middle, signing.CopyWithPrivateKey(signingKey));
    }

    /// <summary>PEM with CRLF line ends, as UnionPay's signPubKeyCert and certificate files have them.</summary>
    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem().ReplaceLineEndings("\r\n");

    private static void Generate(string statePath, string secretsDirectory, DateTimeOffset now)
    {
        var (root, middle, signing) = CreateChain(now);
        using var merchantKey = RSA.Create(2048);
        var merchantRequest = new CertificateRequest("CN=acp test merchant sign, O=China UnionPay Test, C=CN", merchantKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var merchantCert = merchantRequest.Create(
            merchantRequest.SubjectName, X509SignatureGenerator.CreateForRSA(merchantKey, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddYears(5), SerialBytes(MerchantCertId));

        AtomicFile.WriteAllText(Path.Combine(secretsDirectory, SigningPrivateKeySecret), merchantKey.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
        AtomicFile.WriteAllText(Path.Combine(secretsDirectory, RootCertSecret), Pem(root), ownerOnly: false);
        AtomicFile.WriteAllText(Path.Combine(secretsDirectory, MiddleCertSecret), Pem(middle), ownerOnly: false);

        // Written last: its presence means the secrets above are complete.
        using var signingKey = signing.GetRSAPrivateKey()!;
        var state = new KeyState(signingKey.ExportPkcs8PrivateKeyPem(), Pem(signing), merchantCert.ExportCertificatePem());
        AtomicFile.WriteAllText(statePath, JsonSerializer.Serialize(state, Indented), ownerOnly: true);
        root.Dispose();
        middle.Dispose();
        signing.Dispose();
    }

    private static X509Certificate2 CreateCa(string subject, RSA key, X509Certificate2? issuer, DateTimeOffset now, int pathLength)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, pathLength, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            using var selfSigned = request.CreateSelfSigned(now.AddDays(-2), now.AddYears(20));
            return X509CertificateLoader.LoadCertificate(selfSigned.RawData);
        }

        using var created = request.Create(issuer, now.AddDays(-2), now.AddYears(10), RandomSerial());
        return X509CertificateLoader.LoadCertificate(created.RawData);
    }

    private static byte[] RandomSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        return serial;
    }

    private static byte[] SerialBytes(string decimalSerial) =>
        BigInteger.Parse(decimalSerial, System.Globalization.CultureInfo.InvariantCulture).ToByteArray(isUnsigned: false, isBigEndian: true);

    private sealed record KeyState(
        [property: JsonPropertyName("unionpay_signing_key")] string UnionPaySigningKey,
        [property: JsonPropertyName("unionpay_signing_cert")] string UnionPaySigningCert,
        [property: JsonPropertyName("merchant_cert")] string MerchantCert);
}
