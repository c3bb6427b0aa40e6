namespace PayFunctions.Core.ChannelWork;

/// <summary>
/// A unit of channel work done off the request path by channel workers. Today: reconcile one
/// order against the channel, for a payment notification that arrived after the payment ended.
/// </summary>
public sealed record ChannelWorkItem(string Kind, string Channel, string MerchantId, string PaymentId)
{
    public const string ReconcileOrder = "reconcile_order";

    /// <summary>Stable per logical item: Service Bus duplicate detection drops a second send.</summary>
    public string MessageId => $"{Kind}:{Channel}:{PaymentId}";
}

public static class ChannelWorkQueues
{
    public const string WeChatPay = "channel-wechat-pay";

    /// <summary>One queue per channel, so a congested channel backs up alone.</summary>
    public static string NameFor(string channel) => "channel-" + channel.Replace('_', '-');

    /// <summary>Where a message goes after it failed too often, named as the Functions queue trigger names it.</summary>
    public static string PoisonOf(string queue) => queue + "-poison";
}
