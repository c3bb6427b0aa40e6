using System.Text;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.AlipayPlus;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Channels.UnionPay;
using PayFunctions.Channels.WeChatPay;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Channels;

/// <summary>
/// The channels' answers and the small fields in them (times, signature headers, trade numbers) are untrusted input
/// too: each reader answers false or null for what it cannot read, and never throws. Every input goes to every reader,
/// so a splice of two formats reaches each.
/// </summary>
public sealed class AnswerFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 8_000;

    [Fact]
    public void ChannelAnswers()
    {
        var seeds = Corpus.Seeds("channel_answers");
        Fuzz.Run(output, "channel_answers", Cases, Corpus.All("channel_answers"), Mutations.Of(seeds), body =>
        {
            var text = Encoding.UTF8.GetString(body);
            _ = AlipayResponse.TryParse(body, "alipay.trade.query", out _);
            _ = AlipayFields.TryParseTime(text, out _);
            if (AlipayPlusAnswer.Read(text) is { } answer)
            {
                _ = AlipayPlusAmount.Read(answer.Property("paymentAmount"));
                _ = answer.Time("paymentTime");
                _ = answer.String("paymentId");
            }

            _ = AlipayPlusSignature.Parse(text);
            _ = AlipayPlusSignature.ParseTime(text);
            _ = UnionPayAnswerText.TryParseAnswer(text, out _);
            _ = UnionPayAnswerText.TryParseForm(body, out _);
            _ = UnionPayOrderNumbers.TryParseChinaTime(text, out _);
            _ = WeChatPayTransport.TryReadError(body);
            _ = WeChatPayTransactionFields.TryParseTime(text, out _);
            _ = PayerAccounts.TryParse(text, out _, out _);
        }, b => Convert.ToBase64String(b));
    }
}
