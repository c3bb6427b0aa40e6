using PayFunctions.Channels;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.AlipayPlus;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Channels.PayPal;
using PayFunctions.Channels.Stripe;
using PayFunctions.Channels.UnionPay;
using PayFunctions.Channels.WeChatPay;

namespace PayFunctions.FuzzTargets;

/// <summary>
/// The channels' statement files (reconciliation input, written by someone else): each is read to the end or refused
/// with the documented <see cref="FormatException"/>, whatever its bytes. A file is read when it has a line.
/// </summary>
public static class StatementTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        Statement("statement_paypal", () => new PayPalModule()),
        Statement("statement_stripe", () => new StripeModule()),
        Statement("statement_alipay_plus", () => new AlipayPlusModule()),
        Statement("statement_bank_transfer", () => new BankTransferModule()),
        Statement("statement_wechat_pay", () => new WeChatPayModule()),
        Statement("statement_alipay", () => new AlipayModule()),
        Statement("statement_unionpay", () => new UnionPayModule()),
    ];

    private static FuzzTarget Statement(string name, Func<IChannelStatementFormat> module) => new(name, () =>
    {
        var format = module();
        return new FuzzCall(file =>
        {
            try
            {
                return format.ReadAsync(new MemoryStream(file), CancellationToken.None).ToBlockingEnumerable().ToList().Count > 0;
            }
            catch (FormatException)
            {
                return false;
            }
        });
    });
}
