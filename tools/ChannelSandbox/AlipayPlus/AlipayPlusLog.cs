namespace ChannelSandbox.AlipayPlus;

/// <summary>The simulator's log events, 9200–9249.</summary>
internal static partial class AlipayPlusLog
{
    [LoggerMessage(EventId = 9200, Level = LogLevel.Information, Message = "Generated Alipay+ dev keys: state {StatePath}, merchant secrets in {SecretsDirectory}")]
    public static partial void KeysGenerated(ILogger logger, string statePath, string secretsDirectory);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Alipay+ refused {Path}: {ResultCode}")]
    public static partial void Refused(ILogger logger, string path, string resultCode);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Alipay+ notify {PaymentRequestId} {NotifyType} ({Reason}) -> {Url}: {Outcome}")]
    public static partial void Delivered(ILogger logger, string paymentRequestId, string notifyType, string reason, Uri url, string outcome);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "Alipay+ notify {PaymentRequestId}: gave up after {Retries} retries")]
    public static partial void GaveUp(ILogger logger, string paymentRequestId, int retries);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Error, Message = "Alipay+ notify {PaymentRequestId}: delivery failed unexpectedly")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string paymentRequestId);
}
