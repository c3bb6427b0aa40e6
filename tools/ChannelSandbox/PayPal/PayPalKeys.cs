using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelSandbox.PayPal;

/// <summary>
/// The app's client secret and the certificate webhooks are signed with (subject
/// <c>CN=messageverificationcerts.sandbox.paypal.com</c>, as PayPal's sandbox certificate), generated on first start. The
/// sandbox's side goes to <c>{StateDirectory}/paypal.json</c>, the merchant's secret to
/// <c>{SecretsDirectory}/paypal-main-client-secret</c>.
/// </summary>
public sealed class PayPalKeys(string clientSecret, RSA signingKey, string certificatePem, string certificateName)
{
    public const string StateFileName = "paypal.json";
    public const string ClientSecretName = "paypal-main-client-secret";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string ClientSecret { get; } = clientSecret;

    public RSA SigningKey { get; } = signingKey;

    /// <summary>The certificate served at <c>/v1/notifications/certs/{CertificateName}</c>.</summary>
    public string CertificatePem { get; } = certificatePem;

    public string CertificateName { get; } = certificateName;

    public static PayPalKeys LoadOrCreate(SandboxOptions options, ILogger logger)
    {
        var statePath = Path.Combine(Path.GetFullPath(options.StateDirectory), StateFileName);
        var secretPath = Path.Combine(Path.GetFullPath(options.SecretsDirectory), ClientSecretName);
        if (!File.Exists(statePath) || !File.Exists(secretPath))
        {
            Generate(statePath, secretPath, DateTimeOffset.UtcNow);
            logger.LogInformation("Generated PayPal sandbox keys: state {StatePath}, client secret {SecretPath}", statePath, secretPath);
        }

        var state = JsonSerializer.Deserialize<KeyState>(File.ReadAllText(statePath)) ?? throw new InvalidDataException($"{statePath} is empty.");
        var key = RSA.Create();
        key.ImportFromPem(state.SigningKey);
        return new PayPalKeys(File.ReadAllText(secretPath).Trim(), key, state.Certificate, state.CertificateName);
    }

    /// <summary>A signing certificate in PayPal's name; public so tests can make one the merchant must refuse.</summary>
    public static X509Certificate2 CreateCertificate(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private static void Generate(string statePath, string secretPath, DateTimeOffset now)
    {
        using var certificate = CreateCertificate("CN=messageverificationcerts.sandbox.paypal.com, O=\"PayPal, Inc.\", L=San Jose, S=California, C=US", now.AddDays(-1), now.AddYears(2));
        using var key = certificate.GetRSAPrivateKey()!;
        AtomicFile.WriteAllText(secretPath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_'), ownerOnly: true);
        var name = "CERT-360caa42-fca2a594-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        AtomicFile.WriteAllText(statePath, JsonSerializer.Serialize(new KeyState(key.ExportPkcs8PrivateKeyPem(), certificate.ExportCertificatePem(), name), Indented), ownerOnly: true);
    }

    private sealed record KeyState(
        [property: JsonPropertyName("signing_key")] string SigningKey,
        [property: JsonPropertyName("certificate")] string Certificate,
        [property: JsonPropertyName("certificate_name")] string CertificateName);
}
