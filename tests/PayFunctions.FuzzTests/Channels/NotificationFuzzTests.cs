using PayFunctions.FuzzTargets;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Channels;

/// <summary>
/// Each channel's callback (notify) parsing, signature and header verification, from the corpus' valid payloads signed
/// by <see cref="ChannelTargets"/> with the run's keys; then each channel's <c>_signed</c> target.
/// </summary>
public sealed class NotificationFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 6_000;

    /// <summary>UnionPay's verification builds a certificate chain for every case, ten times the cost of the others.</summary>
    private const int ChainCases = 3_000;

    [Fact]
    public void WeChatPay()
    {
        var resources = Corpus.Seeds("wechat_pay_notification");
        Run("wechat_pay_notification", resources, ChannelTargets.WeChatPay);
        ChannelFuzz.RunSigned(output, "wechat_pay_envelope_signed", [.. resources.Select(ChannelTargets.Envelope)]);
    }

    [Fact]
    public void Alipay() => Run("alipay_notification", Corpus.Seeds("alipay_notification"), ChannelTargets.Alipay);

    [Fact]
    public void UnionPay() => Run("unionpay_notification", Corpus.Seeds("unionpay_notification"), ChannelTargets.UnionPay, ChainCases);

    [Fact]
    public void Stripe() => Run("stripe_webhook", Corpus.Seeds("stripe_webhook"), ChannelTargets.Stripe);

    [Fact]
    public void PayPal() => Run("paypal_webhook", Corpus.Seeds("paypal_webhook"), ChannelTargets.PayPal);

    [Fact]
    public void AlipayPlus() => Run("alipay_plus_notification", Corpus.Seeds("alipay_plus_notification"), ChannelTargets.AlipayPlus);

    private void Run(string target, IReadOnlyList<byte[]> payloads, Func<SignedChannel> open, int cases = Cases)
    {
        using var channel = open();
        var messages = payloads.Select(payload =>
        {
            var (headers, body) = channel.Sign(payload);
            return new SignedMessage(headers, body, channel.Parse(headers, body));
        }).ToList();
        ChannelFuzz.Run(output, target, cases, messages, channel.Parse, payloads);
    }
}
