namespace ChannelSandbox.WeChatPay.Notifications;

/// <summary>A payment notification exactly as it goes on the wire: its id and the body string that is POSTed.</summary>
public sealed record NotificationMessage(string Id, string Body);
