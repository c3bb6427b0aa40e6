using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PayFunctions.Channels.PayPal;
using PayFunctions.Channels.Tests.WeChatPay;

namespace PayFunctions.Channels.Tests.PayPal;

/// <summary>
/// One PayPal account's adapter against <see cref="FakePayPalHandler"/>, on a stand-in host, with a webhook certificate
/// in PayPal's sandbox name that the stand-in serves, and the means to sign webhooks as PayPal does.
/// </summary>
internal sealed class PayPalTestAccount : IDisposable
{
    public const string BaseUrl = "https://paypal.stand-in.test";
    public const string ClientId = "AZclient";
    public const string Secret = "s3cret";
    public const string WebhookId = "4JH86294D6297924G";
    public const string CertPath = "/v1/notifications/certs/CERT-360caa42-fca2a594-test";

    private readonly HttpClient _httpClient;

    public PayPalTestAccount(PayPalModule? module = null)
    {
        Module = module ?? new PayPalModule();
        Handler = new FakePayPalHandler();
        _httpClient = new HttpClient(Handler);
        using var certificate = CreateCertificate("CN=messageverificationcerts.sandbox.paypal.com, O=\"PayPal, Inc.\"", Time.Now.AddDays(-1), Time.Now.AddYears(1));
        SigningKey = certificate.GetRSAPrivateKey()!;
        CertificatePem = certificate.ExportCertificatePem();
        Adapter = (PayPalClient)Module.Create(Account(WebhookId), _httpClient, Time);
    }

    public PayPalModule Module { get; }

    public FakePayPalHandler Handler { get; }

    public FixedTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public PayPalClient Adapter { get; }

    public RSA SigningKey { get; }

    public string CertificatePem { get; }

    public static ChannelAccount Account(string webhookId) =>
        new(
            "main",
            new Dictionary<string, string> { ["ClientId"] = ClientId, ["WebhookId"] = webhookId, ["BaseUrl"] = BaseUrl },
            new Dictionary<string, string> { [PayPalModule.ClientSecretSecret] = Secret });

    public static X509Certificate2 CreateCertificate(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>The five headers of a transmission of <paramref name="body"/>, signed as PayPal signs for <paramref name="webhookId"/>.</summary>
    public Dictionary<string, string> Sign(string body, string webhookId = WebhookId, DateTimeOffset? at = null, string certUrl = BaseUrl + CertPath)
    {
        var id = Guid.NewGuid().ToString();
        var time = (at ?? Time.Now).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var message = $"{id}|{time}|{webhookId}|{Crc32(Encoding.UTF8.GetBytes(body))}";
        var signature = SigningKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["PAYPAL-TRANSMISSION-ID"] = id,
            ["PAYPAL-TRANSMISSION-TIME"] = time,
            ["PAYPAL-TRANSMISSION-SIG"] = Convert.ToBase64String(signature),
            ["PAYPAL-CERT-URL"] = certUrl,
            ["PAYPAL-AUTH-ALGO"] = "SHA256withRSA",
        };
    }

    /// <summary>The stand-in serves the certificate at <see cref="CertPath"/>.</summary>
    public void ServeCertificate() => Handler.Script("GET", CertPath, 200, CertificatePem);

    public void Dispose()
    {
        SigningKey.Dispose();
        _httpClient.Dispose();
        Handler.Dispose();
    }

    // The test's own CRC-32 (bitwise, no table), so a mistake in the adapter's table shows.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
