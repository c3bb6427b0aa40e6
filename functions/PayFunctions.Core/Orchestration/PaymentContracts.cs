using PayFunctions.Channels;
using PayFunctions.Domain;

namespace PayFunctions.Core.Orchestration;

/// <summary>Everything a payment orchestration needs; the instance id is the payment id.</summary>
public sealed record PaymentOrchestrationInput(
    string PaymentId, string MerchantId, string Channel, long Amount, string Currency, string Description, DateTimeOffset ExpiresAt);

public sealed record PrepayOutcome(bool Succeeded, string? QrCodeContent, string? FailureCode, string? FailureMessage);

/// <summary>A verified statement from the channel about the order, raised by the notify endpoint or a query.</summary>
public sealed record ChannelPaymentEvent(string ChannelTradeNo, ChannelTradeState State, DateTimeOffset? PaidAt);

public sealed record CloseRequest(string Reason);

public sealed record ChannelOrderInput(string Channel, string PaymentId);

public sealed record CompletePaymentInput(
    string MerchantId,
    string PaymentId,
    PaymentStatus Status,
    string? ChannelTradeNo,
    DateTimeOffset? PaidAt,
    string? FailureCode,
    string? FailureMessage,
    DateTimeOffset CompletedAt);

public sealed record WebhookInput(string MerchantId, string PaymentId, string EventType, string EventId);

public static class PaymentEvents
{
    public const string ChannelNotification = "ChannelNotification";
    public const string CloseRequested = "CloseRequested";

    public const string Succeeded = "payment.succeeded";
    public const string Failed = "payment.failed";
    public const string Expired = "payment.expired";
    public const string Closed = "payment.closed";

    /// <summary>Stable across retries and replays, so a merchant can dedupe on it.</summary>
    public static string EventId(string paymentId, string eventType) =>
        "evt_" + paymentId["pay_".Length..] + "_" + eventType["payment.".Length..];
}
