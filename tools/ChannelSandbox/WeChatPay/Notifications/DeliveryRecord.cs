namespace ChannelSandbox.WeChatPay.Notifications;

/// <summary>
/// One POST of a notification to the merchant. <see cref="Status"/> is null when no HTTP answer came
/// (timeout, refused connection); <see cref="Error"/> then says why.
/// </summary>
public sealed record DeliveryRecord(
    string NotificationId,
    string Reason,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset SentAt,
    int? Status,
    string? ResponseBody,
    string? Error,
    bool Acknowledged);
