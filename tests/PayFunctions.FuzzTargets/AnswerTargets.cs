using System.Text;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.AlipayPlus;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Channels.UnionPay;
using PayFunctions.Channels.WeChatPay;

namespace PayFunctions.FuzzTargets;

/// <summary>
/// The channels' answers and the small fields in them (times, signature headers, trade numbers) are untrusted input
/// too: each reader answers false or null for what it cannot read, and never throws. Every input goes to every reader
/// (<c>|</c>, not <c>||</c>), so a splice of two formats reaches each.
/// </summary>
public static class AnswerTargets
{
    public static FuzzTarget ChannelAnswers { get; } = new("channel_answers", () => new FuzzCall(body =>
    {
        var text = Encoding.UTF8.GetString(body);
        var read = AlipayResponse.TryParse(body, "alipay.trade.query", out _) | AlipayFields.TryParseTime(text, out _);
        if (AlipayPlusAnswer.Read(text) is { } answer)
        {
            _ = AlipayPlusAmount.Read(answer.Property("paymentAmount"));
            _ = answer.Time("paymentTime");
            _ = answer.String("paymentId");
            read = true;
        }

        return read
            | AlipayPlusSignature.Parse(text) is not null
            | AlipayPlusSignature.ParseTime(text) is not null
            | UnionPayAnswerText.TryParseAnswer(text, out _)
            | UnionPayAnswerText.TryParseForm(body, out _)
            | UnionPayOrderNumbers.TryParseChinaTime(text, out _)
            | WeChatPayTransport.TryReadError(body) is not null
            | WeChatPayTransactionFields.TryParseTime(text, out _)
            | PayerAccounts.TryParse(text, out _, out _);
    }));
}
