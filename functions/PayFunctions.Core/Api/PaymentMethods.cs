using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Api;

/// <summary>The payment methods a merchant can ask for, and the channel that serves each.</summary>
public static class PaymentMethods
{
    public const string WeChatPayNative = "wechat_pay.native";

    private static readonly Dictionary<string, string> Channels = new(StringComparer.Ordinal)
    {
        [WeChatPayNative] = ChannelResolver.WeChatPayName,
    };

    public static IReadOnlyCollection<string> Supported => Channels.Keys;

    public static bool TryGetChannel(string method, out string channel) => Channels.TryGetValue(method, out channel!);
}
