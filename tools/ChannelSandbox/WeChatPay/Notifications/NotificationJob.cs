namespace ChannelSandbox.WeChatPay.Notifications;

/// <summary>
/// Deliver <paramref name="Message"/> about <paramref name="Target"/> no earlier than <paramref name="NotBefore"/>,
/// <paramref name="Repeat"/> times in a row. <paramref name="RetriesDone"/> is null for a job that is never retried.
/// </summary>
public sealed record NotificationJob(
    INotificationTarget Target,
    NotificationMessage Message,
    DateTimeOffset NotBefore,
    string Reason,
    int? RetriesDone,
    int Repeat = 1);
