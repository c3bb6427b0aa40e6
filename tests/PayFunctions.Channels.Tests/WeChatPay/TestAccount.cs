using System.Security.Cryptography;
using System.Text;
using PayFunctions.Channels.WeChatPay;

namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>
/// A merchant account with keys generated for the test run, plus an independent implementation of the
/// platform side (signing, encryption) so that a symmetric bug in the client cannot make a test pass.
/// </summary>
internal sealed class TestAccount : IDisposable
{
    public const string MchId = "1900009191";
    public const string AppId = "wxd678efh567hg6787";
    public const string MerchantSerialNo = "3775B6A45ACD588826D15E583A95F5DD0EEF73F5";
    public const string PlatformSerialNo = "PUB_KEY_ID_0114232134912410000000000000";
    public const string ApiV3Key = "0123456789abcdefghijklmnopqrstuv";
    public const string AppSecret = "0123456789abcdef0123456789abcdef";

    public static readonly DateTimeOffset Now = new(2025, 3, 1, 4, 0, 0, TimeSpan.Zero);

    // Key generation dominates test time, so every account in the run shares one pair.
    private static readonly RSA SharedMerchantKey = RSA.Create(2048);
    private static readonly RSA SharedPlatformKey = RSA.Create(2048);

    /// <param name="configure">Changes to the account's settings before the client is built.</param>
    /// <param name="platformPem">The platform key secret; the shared platform key's SPKI PEM when null.</param>
    public TestAccount(Action<WeChatPayOptions>? configure = null, string? platformPem = null)
    {
        MerchantKey = SharedMerchantKey;
        PlatformKey = SharedPlatformKey;
        Time = new FixedTimeProvider(Now);
        Handler = new FakeWeChatPayHandler(this);
        Options = new WeChatPayOptions
        {
            MchId = MchId,
            AppId = AppId,
            MerchantSerialNo = MerchantSerialNo,
            PlatformSerialNo = PlatformSerialNo,
        };
        configure?.Invoke(Options);
        Credentials = new WeChatPayCredentials(MerchantKey.ExportPkcs8PrivateKeyPem(), platformPem ?? PlatformKey.ExportSubjectPublicKeyInfoPem(), ApiV3Key, AppSecret);
        HttpClient = new HttpClient(Handler);
        Client = new WeChatPayClient(HttpClient, Options, Credentials, Time);
    }

    /// <summary>The shared platform key as the SPKI PEM WeChat Pay publishes a public key in.</summary>
    public static string SharedPlatformPem() => SharedPlatformKey.ExportSubjectPublicKeyInfoPem() + "\n";

    public RSA MerchantKey { get; }

    public RSA PlatformKey { get; }

    public FixedTimeProvider Time { get; }

    public FakeWeChatPayHandler Handler { get; }

    public WeChatPayOptions Options { get; }

    public WeChatPayCredentials Credentials { get; }

    public HttpClient HttpClient { get; }

    public WeChatPayClient Client { get; }

    public long UnixNow => Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The four Wechatpay-* headers for <paramref name="body"/>, signed with the platform key unless <paramref name="key"/> is given.</summary>
    public Dictionary<string, string> SignAsPlatform(byte[] body, long? timestamp = null, string serial = PlatformSerialNo, RSA? key = null)
    {
        var ts = (timestamp ?? UnixNow).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var message = new List<byte>();
        message.AddRange(Encoding.UTF8.GetBytes(ts + "\n" + nonce + "\n"));
        message.AddRange(body);
        message.Add((byte)'\n');
        var signature = (key ?? PlatformKey).SignData(message.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new Dictionary<string, string>
        {
            ["Wechatpay-Timestamp"] = ts,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Signature"] = Convert.ToBase64String(signature),
            ["Wechatpay-Serial"] = serial,
        };
    }

    /// <summary>AEAD_AES_256_GCM as WeChat Pay applies it to a callback resource.</summary>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(sealedBytes);
    }

    public void Dispose()
    {
        Client.Dispose();
        HttpClient.Dispose();
    }
}
