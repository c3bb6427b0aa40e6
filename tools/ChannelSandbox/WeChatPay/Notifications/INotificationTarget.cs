namespace ChannelSandbox.WeChatPay.Notifications;

/// <summary>What a notification is about (an order or a refund): where it goes and where its deliveries are recorded.</summary>
public interface INotificationTarget
{
    /// <summary>The out_trade_no or out_refund_no, for the log.</summary>
    string Label { get; }

    string? NotifyUrl { get; }

    void Record(DeliveryRecord delivery);
}
