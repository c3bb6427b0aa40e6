using PayFunctions.Channels.Tests.WeChatPay;
using PayFunctions.Channels.UnionPay;

namespace PayFunctions.Channels.Tests.UnionPay;

/// <summary>A UnionPay account whose adapter talks to <see cref="FakeUnionPayHandler"/> at a fixed clock.</summary>
internal sealed class UnionPayTestAccount : IDisposable
{
    public const string MerId = "777290058110048";
    public const string SignCertId = "68759663125";

    public UnionPayTestAccount()
    {
        Time = new FixedTimeProvider(TestPki.Now);
        Handler = new FakeUnionPayHandler();
        HttpClient = new HttpClient(Handler);
        Client = (UnionPayClient)new UnionPayModule().Create(Account(), HttpClient, Time);
    }

    public FixedTimeProvider Time { get; }

    public FakeUnionPayHandler Handler { get; }

    public HttpClient HttpClient { get; }

    public UnionPayClient Client { get; }

    public static ChannelAccount Account(string merId = MerId) => new(
        "main",
        new Dictionary<string, string>
        {
            ["MerId"] = merId,
            ["SignCertId"] = SignCertId,
            ["BaseUrl"] = "https://gateway.test.95516.com",
            ["FileTransferUrl"] = "https://filedownload.test.95516.com/",
            ["BackUrl"] = "https://pay.example.com/api/notify/unionpay",
        },
        new Dictionary<string, string>
        {
            [UnionPayModule.SigningPrivateKeySecret] = TestPki.Shared.MerchantKey.ExportPkcs8PrivateKeyPem(),
            [UnionPayModule.RootCertSecret] = TestPki.Shared.RootPem,
            [UnionPayModule.MiddleCertSecret] = TestPki.Shared.MiddlePem,
        });

    public void Dispose()
    {
        Client.Dispose();
        HttpClient.Dispose();
    }
}
