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

namespace PayFunctions.FuzzTargets;

/// <summary>Signs any payload as the channel would: mutated payloads signed this way reach the parsing behind the signature.</summary>
public delegate (IReadOnlyDictionary<string, string> Headers, byte[] Body) Signer(byte[] payload);

/// <summary>A channel's callback parser: a notification, or a <see cref="ChannelNotificationException"/>.</summary>
public delegate ChannelNotification Parser(IReadOnlyDictionary<string, string> headers, byte[] body);

/// <summary>A channel's callback parser with a signer for its payloads, over the test account that holds their keys.</summary>
public sealed record SignedChannel(Signer Sign, Parser Parse, IDisposable? Account) : IDisposable
{
    public void Dispose() => Account?.Dispose();
}

/// <summary>
/// Each channel's callback, from payloads signed with the run's keys by the channels' test doubles (independent of the
/// adapters' own signing code). A <c>&lt;…&gt;_signed</c> target signs its input as the channel would, because a
/// channel's signed content is untrusted too: what lies behind the signature (decryption, the resource's JSON,
/// amounts, times) refuses it with a <see cref="ChannelNotificationException"/> or reads it, and throws nothing else.
/// The seeds of <c>&lt;channel&gt;_notification</c> are these payloads, with placeholders the signers fill in.
/// </summary>
public static class ChannelTargets
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        SignedTarget("wechat_pay_notification_signed", WeChatPay),
        SignedTarget("wechat_pay_envelope_signed", WeChatPayEnvelope),
        SignedTarget("alipay_notification_signed", Alipay),
        SignedTarget("unionpay_notification_signed", UnionPay),
        SignedTarget("stripe_webhook_signed", Stripe),
        SignedTarget("paypal_webhook_signed", PayPal),
        SignedTarget("alipay_plus_notification_signed", AlipayPlus),
    ];

    /// <summary>A transaction resource, encrypted and put in a signed envelope as WeChat Pay sends it.</summary>
    public static SignedChannel WeChatPay()
    {
        var account = new TestAccount();
        return new(resource => SignEnvelope(account, Envelope(resource)), (h, b) => account.Client.ParseNotification(h, b), account);
    }

    /// <summary>The envelope itself signed: its JSON, the algorithm, nonce and ciphertext fields are the input.</summary>
    public static SignedChannel WeChatPayEnvelope()
    {
        var account = new TestAccount();
        return new(envelope => SignEnvelope(account, envelope), (h, b) => account.Client.ParseNotification(h, b), account);
    }

    /// <summary>An encrypted envelope of a resource, as <see cref="WeChatPayEnvelope"/>'s seed.</summary>
    public static byte[] Envelope(byte[] resource)
    {
        var ciphertext = TestAccount.Encrypt(TestAccount.ApiV3Key, "fdasflkja484", "transaction", Encoding.UTF8.GetString(resource));
        return Encoding.UTF8.GetBytes($$$"""
            {"id":"EV-2018022511223320873","create_time":"2025-03-01T12:01:03+08:00","resource_type":"encrypt-resource","event_type":"TRANSACTION.SUCCESS","summary":"支付成功","resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":"{{{ciphertext}}}","associated_data":"transaction","nonce":"fdasflkja484"}}
            """);
    }

    public static SignedChannel Alipay()
    {
        var client = new AlipayClient(
            new HttpClient(), new AlipayOptions { AppId = AlipayTestKeys.AppId }, new AlipayCredentials(AlipayTestKeys.AppPrivateKeyPem, AlipayTestKeys.AlipayPublicKeyPem), new FixedTimeProvider(AlipayTestKeys.Now));
        return new(payload =>
        {
            var fields = Fields(Encoding.UTF8.GetString(payload).Replace("{appId}", AlipayTestKeys.AppId, StringComparison.Ordinal));
            fields["sign"] = AlipaySignature.Sign(AlipayTestKeys.Alipay, AlipaySignature.NotificationContent(fields));
            return (NoHeaders, Encoding.UTF8.GetBytes(string.Join('&', fields.Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)))));
        }, (h, b) => client.ParseNotification(h, b), client);
    }

    /// <summary>UnionPay's verification builds a certificate chain for every call, ten times the cost of the others.</summary>
    public static SignedChannel UnionPay()
    {
        var account = new UnionPayTestAccount();
        var paymentId = PlatformIds.At(TestPki.Now.AddMinutes(-2));
        return new(payload =>
        {
            var fields = Fields(Encoding.UTF8.GetString(payload)
                .Replace("{merId}", UnionPayTestAccount.MerId, StringComparison.Ordinal)
                .Replace("{orderId}", paymentId.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)
                .Replace("{txnTime}", PlatformIds.ChinaTime(TestPki.Now.AddMinutes(-2)), StringComparison.Ordinal));
            return (NoHeaders, UnionPaySide.FormBody(UnionPaySide.SignAsUnionPay(fields, TestPki.Shared.SigningKey, TestPki.Shared.SigningPem)));
        }, (h, b) => account.Client.ParseNotification(h, b), account);
    }

    public static SignedChannel Stripe()
    {
        var adapter = StripeAccounts.Adapter(FixedTime.At(StripeEvents.SignedAt + 10));
        return new(body =>
            (new Dictionary<string, string> { ["stripe-signature"] = StripeEvents.Signature(Encoding.UTF8.GetString(body), StripeEvents.SignedAt) }, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body))),
            (h, b) => adapter.ParseNotification(h, b), null);
    }

    /// <summary>PayPal verifies with a certificate it fetches by URL: the account serves it from its scripted handler.</summary>
    public static SignedChannel PayPal()
    {
        var account = new PayPalTestAccount();
        account.ServeCertificate();
        return new(body =>
        {
            var text = Encoding.UTF8.GetString(body);
            return (account.Sign(text), Encoding.UTF8.GetBytes(text));
        }, (headers, body) =>
        {
            account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None).GetAwaiter().GetResult();
            return account.Adapter.ParseNotification(headers, body);
        }, account);
    }

    public static SignedChannel AlipayPlus()
    {
        var client = AlipayPlusTestKeys.Client(new FakeAlipayPlus());
        return new(body =>
        {
            var text = Encoding.UTF8.GetString(body);
            return (AlipayPlusTestKeys.NotificationHeaders(text), Encoding.UTF8.GetBytes(text));
        }, (h, b) => client.ParseNotification(h, b), client);
    }

    private static (IReadOnlyDictionary<string, string>, byte[]) SignEnvelope(TestAccount account, byte[] envelope) => (account.SignAsPlatform(envelope), envelope);

    private static FuzzTarget SignedTarget(string name, Func<SignedChannel> open) => new(name, () =>
    {
        var channel = open();
        return new FuzzCall(payload =>
        {
            var (headers, body) = channel.Sign(payload);
            try
            {
                channel.Parse(headers, body);
                return true;
            }
            catch (ChannelNotificationException)
            {
                return false;
            }
        }, channel);
    });

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
}
