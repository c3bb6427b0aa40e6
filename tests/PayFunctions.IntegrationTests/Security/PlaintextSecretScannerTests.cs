using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>The end-of-run scan finds each kind of secret however storage encodes it, and does not cry wolf.</summary>
public sealed class PlaintextSecretScannerTests
{
    private const string Kek = "q3Jm8yH0dF1xZ2p9Lk4sV7bN6cR5tW8eA1uI0oP3yT4=";
    private const string Pepper = "pepper-0f9e8d7c6b5a49382716";
    private const string Pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----";

    private readonly PlaintextSecretScanner scanner = new([new("secret key-encryption-key", Kek), new("secret api-key-pepper", Pepper)]);

    public static TheoryData<string, string> Planted => new()
    {
        { "card number", "4111111111111111" },
        { "card number", "4111 1111 1111 1111" },
        { "card number", "5500-0000-0000-0004" },
        { "card number", "378282246310005" },
        { "card number", "6011000990139424" },
        { "card number", "3530111333300000" },
        { "card number", "6212345678901265" },
        { "card number", "4222222222222" },
        { "API key", "sk_live_" + new string('A', 40) },
        { "API key", "sk_test_it_demo_00000000000000000000" },
        { "webhook secret", "whsec_aW50ZWdyYXRpb24tdGVzdC13ZWJob29rLXNlY3JldA==" },
        { "operator key", PayFunctions.Core.Security.OperatorKeys.New("op_000000000000abcdefghijkl") },
        { "request-signing secret", PayFunctions.Core.Security.RequestSignature.NewSecret() },
        { "private key (PEM)", Pem },
        { "private key (PEM)", "-----BEGIN RSA PRIVATE KEY-----" },
        { "private key (PEM)", "-----BEGIN EC PRIVATE KEY-----" },
        { "secret key-encryption-key", Kek },
        { "secret api-key-pepper", Pepper },
    };

    [Theory]
    [MemberData(nameof(Planted))]
    public void APlantedSecret_IsFound_InTheClear_InJson_Base64_AndGzip_AndTheFindingDoesNotRepeatIt(string kind, string secret)
    {
        var json = $$"""{"note":"paid","value":"{{secret.Replace("\n", "\\n", StringComparison.Ordinal)}}","n":1}""";
        var items = new[]
        {
            ScanItem.Text("clear", $"x {secret} y"),
            ScanItem.Text("json", json),
            ScanItem.Text("base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(json))),
            ScanItem.Text("base64 in json", $$"""{"body_base64":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes(json))}}"}"""),
            new ScanItem("gzip", Gzip(Encoding.UTF8.GetBytes(json))),
            ScanItem.Text("gzip in base64", Convert.ToBase64String(Gzip(Encoding.UTF8.GetBytes(json)))),
        };

        var findings = scanner.Scan(items);

        Assert.Equal(items.Select(i => i.Where), findings.Where(f => f.Kind == kind).Select(f => f.Where));
        Assert.All(findings, f => Assert.DoesNotContain(secret, f.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void DigitStrings_ThatFailLuhn_OrAreNoCardsPrefix_AreNotCards()
    {
        var random = new Random(20261129);
        var notLuhn = new List<string>();
        while (notLuhn.Count < 2000)
        {
            var length = random.Next(13, 20);
            var digits = "4" + string.Concat(Enumerable.Range(1, length - 1).Select(_ => (char)('0' + random.Next(10))));
            if (!PlaintextSecretScanner.IsLuhnValid(digits))
            {
                notLuhn.Add(random.Next(2) == 0 ? digits : string.Join(' ', digits.Chunk(4).Select(c => new string(c))));
            }
        }

        Assert.Empty(scanner.Scan(notLuhn.Select((d, i) => ScanItem.Text($"random {i}", $"{{\"id\":\"{d}\"}}"))));

        // Ids, times and amounts the platform writes: Luhn-valid by chance one time in ten, never under a card prefix.
        var unixMillis = Enumerable.Range(0, 200).Select(i => (1_764_000_000_000L + i * 7_919L).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var ticks = Enumerable.Range(0, 200).Select(i => (639_000_000_000_000_000L + i * 104_729L).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(scanner.Scan(unixMillis.Concat(ticks).Select(n => ScanItem.Text(n, $"\"at\":{n}"))));
        Assert.Empty(scanner.Scan([ScanItem.Text("ids", "4200002024112912345678901234 2025-11-29 12:00:00 pay_9f3c2b1a0d8e7f6a5b4c3d2e sk_live_abcd")]));
    }

    [Fact]
    public void ASealedValue_IsNotASecret()
    {
        var sealedText = "v2.k1." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(60)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            + "." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(80)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Empty(scanner.Scan([ScanItem.Text("sealed", sealedText)]));
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
