using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.AlipayPlus;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Channels.PayPal;
using PayFunctions.Channels.Stripe;
using PayFunctions.Channels.UnionPay;
using PayFunctions.Channels.WeChatPay;

namespace PayFunctions.Channels;

/// <summary>Every channel the platform can use: adding a channel is one line here and one folder beside this file.</summary>
public static class ChannelCatalog
{
    /// <summary>The channel modules, in the order their methods are listed to merchants.</summary>
    public static IReadOnlyList<IChannelModule> All { get; } =
    [
        new WeChatPayModule(),
        new AlipayModule(),
        new UnionPayModule(),
        new AlipayPlusModule(),
        new BankTransferModule(),
        new StripeModule(),
        new PayPalModule(),
    ];
}
