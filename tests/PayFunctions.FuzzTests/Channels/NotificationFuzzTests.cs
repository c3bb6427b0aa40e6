using System.Net;
using System.Text;
using PayFunctions.Channels;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.Tests.Alipay;
using PayFunctions.Channels.Tests.AlipayPlus;
using PayFunctions.Channels.Tests.PayPal;
using PayFunctions.Channels.Tests.Stripe;
using PayFunctions.Channels.Tests.UnionPay;
using PayFunctions.Channels.Tests.WeChatPay;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Channels;

/// <summary>
/// Each channel's callback (notify) parsing, signature and header verification, from the corpus' valid payloads signed
/// with the run's keys by the channels' test doubles (independent of the adapters' own signing code).
/// </summary>
public sealed class NotificationFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 6_000;

    /// <summary>UnionPay's verification builds a certificate chain for every case, ten times the cost of the others.</summary>
    private const int ChainCases = 3_000;

    private static readonly Dictionary<string, string> NoHeaders = [];

    [Fact]
    public void WeChatPay()
    {
        using var account = new TestAccount();
        ChannelNotification Parse(IReadOnlyDictionary<string, string> h, byte[] b) => account.Client.ParseNotification(h, b);
        (IReadOnlyDictionary<string, string>, byte[]) SignEnvelope(byte[] envelope) => (account.SignAsPlatform(envelope), envelope);
        (IReadOnlyDictionary<string, string>, byte[]) SignResource(byte[] resource)
        {
            var ciphertext = TestAccount.Encrypt(TestAccount.ApiV3Key, "fdasflkja484", "transaction", Encoding.UTF8.GetString(resource));
            return SignEnvelope(Encoding.UTF8.GetBytes($$$"""
                {"id":"EV-2018022511223320873","create_time":"2025-03-01T12:01:03+08:00","resource_type":"encrypt-resource","event_type":"TRANSACTION.SUCCESS","summary":"支付成功","resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":"{{{ciphertext}}}","associated_data":"transaction","nonce":"fdasflkja484"}}
                """));
        }

        var resources = Corpus.Seeds("wechat_pay_notification");
        Run("wechat_pay_notification", resources, SignResource, Parse);
        ChannelFuzz.RunSigned(output, "wechat_pay_envelope_signed", [.. resources.Select(r => SignResource(r).Item2)], SignEnvelope, Parse);
    }

    [Fact]
    public void Alipay()
    {
        using var client = new AlipayClient(
            new HttpClient(), new AlipayOptions { AppId = AlipayTestKeys.AppId }, new AlipayCredentials(AlipayTestKeys.AppPrivateKeyPem, AlipayTestKeys.AlipayPublicKeyPem), new FixedTimeProvider(AlipayTestKeys.Now));
        Run("alipay_notification", Corpus.Seeds("alipay_notification"), payload =>
        {
            var fields = Fields(Encoding.UTF8.GetString(payload).Replace("{appId}", AlipayTestKeys.AppId, StringComparison.Ordinal));
            fields["sign"] = AlipaySignature.Sign(AlipayTestKeys.Alipay, AlipaySignature.NotificationContent(fields));
            return (NoHeaders, Encoding.UTF8.GetBytes(string.Join('&', fields.Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)))));
        }, (h, b) => client.ParseNotification(h, b));
    }

    [Fact]
    public void UnionPay()
    {
        using var account = new UnionPayTestAccount();
        var paymentId = PlatformIds.At(TestPki.Now.AddMinutes(-2));
        Run("unionpay_notification", Corpus.Seeds("unionpay_notification"), payload =>
        {
            var fields = Fields(Encoding.UTF8.GetString(payload)
                .Replace("{merId}", UnionPayTestAccount.MerId, StringComparison.Ordinal)
                .Replace("{orderId}", paymentId.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)
                .Replace("{txnTime}", PlatformIds.ChinaTime(TestPki.Now.AddMinutes(-2)), StringComparison.Ordinal));
            return (NoHeaders, UnionPaySide.FormBody(UnionPaySide.SignAsUnionPay(fields, TestPki.Shared.SigningKey, TestPki.Shared.SigningPem)));
        }, (h, b) => account.Client.ParseNotification(h, b), ChainCases);
    }

    [Fact]
    public void Stripe()
    {
        var adapter = StripeAccounts.Adapter(FixedTime.At(StripeEvents.SignedAt + 10));
        Run("stripe_webhook", Corpus.Seeds("stripe_webhook"), body =>
            (new Dictionary<string, string> { ["stripe-signature"] = StripeEvents.Signature(Encoding.UTF8.GetString(body), StripeEvents.SignedAt) }, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body))),
            (h, b) => adapter.ParseNotification(h, b));
    }

    [Fact]
    public void PayPal()
    {
        using var account = new PayPalTestAccount();
        account.ServeCertificate();
        Run("paypal_webhook", Corpus.Seeds("paypal_webhook"), body =>
        {
            var text = Encoding.UTF8.GetString(body);
            return (account.Sign(text), Encoding.UTF8.GetBytes(text));
        }, (headers, body) =>
        {
            account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None).GetAwaiter().GetResult();
            return account.Adapter.ParseNotification(headers, body);
        });
    }

    [Fact]
    public void AlipayPlus()
    {
        using var client = AlipayPlusTestKeys.Client(new FakeAlipayPlus());
        Run("alipay_plus_notification", Corpus.Seeds("alipay_plus_notification"), body =>
        {
            var text = Encoding.UTF8.GetString(body);
            return (AlipayPlusTestKeys.NotificationHeaders(text), Encoding.UTF8.GetBytes(text));
        }, (h, b) => client.ParseNotification(h, b));
    }

    /// <summary>A seed form: one <c>key=value</c> a line; a mutated line without '=' is a field without a value.</summary>
    private static Dictionary<string, string> Fields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = line.Split('=', 2);
            fields[pair[0]] = pair.Length > 1 ? pair[1] : "";
        }

        return fields;
    }

    private void Run(string target, IReadOnlyList<byte[]> payloads, Signer sign, ChannelFuzz.Parser parse, int cases = Cases)
    {
        var messages = payloads.Select(payload =>
        {
            var (headers, body) = sign(payload);
            return new SignedMessage(headers, body, parse(headers, body));
        }).ToList();
        ChannelFuzz.Run(output, target, cases, messages, parse, payloads, sign);
    }
}
