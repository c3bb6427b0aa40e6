using PayFunctions.Channels;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>Everything a payment orchestration needs; the instance id is the payment id.</summary>
/// <param name="Channel">The channel that serves <paramref name="Method"/>.</param>
/// <param name="ChannelAccount">The platform's account at that channel the order is placed with.</param>
public sealed record PaymentOrchestrationInput(
    string PaymentId,
    string MerchantId,
    string Channel,
    string ChannelAccount,
    string Method,
    long Amount,
    string Currency,
    string Description,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The payer's details the method needs (openid, payment code, return URL, IP address).</summary>
    public PayerInput? Payer { get; init; }

    /// <summary>How long a payer at the till may take to confirm before the order is reversed; null for the channels' advice.</summary>
    public TimeSpan? ConfirmWindow { get; init; }

    /// <summary>Manual capture: an authorized order waits for the merchant's capture instead of being captured at once.</summary>
    public bool CaptureLater { get; init; }

    /// <summary>
    /// The accounts of <see cref="Channel"/> to place the order with, in failover order (the routing decision's);
    /// null for just <see cref="ChannelAccount"/>.
    /// </summary>
    public IReadOnlyList<string>? Route { get; init; }

    /// <summary>
    /// Set by the orchestration once a risk decision of its own opened a review (<see cref="RiskVerdict.OpensReview"/>):
    /// the payment's end then makes sure the opening was announced, and announces the close when no money came.
    /// </summary>
    public bool ReviewOpened { get; init; }

    /// <summary>The accounts the order may be placed with, in the order they are tried.</summary>
    public IReadOnlyList<string> RouteOrDefault => Route is { Count: > 0 } route ? route : [ChannelAccount];
}

/// <summary>The payer's details a method needs; the payment code is a one-time credential and is never stored on the payment.</summary>
public sealed record PayerInput(string? Id, string? PaymentCode, string? ReturnUrl, string? ClientIp)
{
    /// <summary>The merchant's id of the payer's device, which only risk reads.</summary>
    public string? DeviceId { get; init; }
}

/// <param name="Succeeded">The order is open at the channel, or was answered at once (<paramref name="Answered"/>).</param>
/// <param name="Answered">For a barcode payment, the channel's immediate answer: paid, failed, or the payer is confirming.</param>
/// <param name="FailureCode">Why the payment failed, when it did.</param>
/// <param name="FailureMessage">The same, for people.</param>
/// <param name="OrderAtChannel">The channel already held the order (a repeated prepay after the payer paid): only the channel can say what became of it.</param>
public sealed record PrepayOutcome(bool Succeeded, ChannelPaymentEvent? Answered, string? FailureCode, string? FailureMessage, bool OrderAtChannel)
{
    /// <summary>The channel's own id of the order, when it names orders itself.</summary>
    public string? ChannelOrderId { get; init; }

    /// <summary>The account of the route that holds the order; null when none took it.</summary>
    public string? ChannelAccount { get; init; }
}

/// <summary>A verified statement from the channel about the order, raised by the notify endpoint or a query.</summary>
/// <param name="ChannelTradeNo">The channel's transaction number, once there is one.</param>
/// <param name="State">The channel's trade state.</param>
/// <param name="PaidAt">When the payer paid, for a success.</param>
/// <param name="Amount">What the channel collected, in minor units, when it says.</param>
/// <param name="Currency">The ISO 4217 code of <paramref name="Amount"/>.</param>
public sealed record ChannelPaymentEvent(string ChannelTradeNo, ChannelTradeState State, DateTimeOffset? PaidAt, long? Amount, string? Currency)
{
    /// <summary>
    /// What the channel reported of the payer, the account as its keyed hash and without the name
    /// (<see cref="ChannelPayerIntake"/>); null when it reported nothing.
    /// </summary>
    public ChannelPayer? Payer { get; init; }

    /// <summary>
    /// The payer's name, as the channel reported it, matched a sanctions list: a screening hit on the payment's payer is
    /// open, and the payment's money is to be held until it is reviewed. The name itself never travels with the event.
    /// </summary>
    public bool PayerSanctionsHit { get; init; }

    /// <summary>
    /// The account the channel answered from, set by a sender that could not check it against the payment's placement
    /// (reconciliation's query); null when the sender checked it (the notify endpoint).
    /// </summary>
    public string? ChannelAccount { get; init; }

    /// <summary>The channel collected exactly this payment's amount: the only statement a success is recorded on.</summary>
    public bool IsSuccessFor(PaymentOrchestrationInput input) =>
        State == ChannelTradeState.Succeeded && Amount == input.Amount && string.Equals(Currency, input.Currency, StringComparison.Ordinal);
}

public sealed record CloseRequest(string Reason);

/// <summary>A payment orchestration's custom status once its order is placed: the account of its route that holds it.</summary>
public sealed record PaymentPlacement(string ChannelAccount);

/// <summary>The merchant's capture of an authorized payment.</summary>
public sealed record CaptureRequest(string Reason);

/// <summary>Captures <paramref name="Amount"/> of the authorized order at its channel.</summary>
public sealed record CaptureInput(ChannelOrderInput Order, long Amount, string Currency);

/// <summary>Marks a payment authorized and waiting for the merchant's capture until <paramref name="CaptureBefore"/>.</summary>
public sealed record RequireCaptureInput(string MerchantId, string PaymentId, string? ChannelTradeNo, DateTimeOffset CaptureBefore);

public sealed record ChannelOrderInput(string Channel, string ChannelAccount, string PaymentId)
{
    /// <summary>The payment's merchant, which a payer's screening hit records; null in calls queued before it was sent.</summary>
    public string? MerchantId { get; init; }

    /// <summary>The channel's own id of the order, when it names orders itself (see <see cref="ChannelOrderRef"/>).</summary>
    public string? ChannelOrderId { get; init; }

    /// <summary>The order as the channel's adapter is given it.</summary>
    public ChannelOrderRef Order => new(PaymentId, ChannelOrderId);
}

public sealed record CompletePaymentInput(
    string MerchantId,
    string PaymentId,
    PaymentStatus Status,
    string? ChannelTradeNo,
    DateTimeOffset? PaidAt,
    string? FailureCode,
    string? FailureMessage,
    DateTimeOffset CompletedAt);

public sealed record ReconcileOrderInput(string Channel, string ChannelAccount, string MerchantId, string PaymentId);

public sealed record WebhookInput(string MerchantId, string PaymentId, string EventType, string EventId);

public static class PaymentEvents
{
    public const string ChannelNotification = "ChannelNotification";
    public const string CloseRequested = "CloseRequested";
    public const string CaptureRequested = "CaptureRequested";

    /// <summary>A channel worker placed the payment's queued order, or gave up: carries the <see cref="PrepayOutcome"/>.</summary>
    public const string PrepayResult = "PrepayResult";

    public const string Succeeded = "payment.succeeded";
    public const string Failed = "payment.failed";
    public const string Expired = "payment.expired";
    public const string Closed = "payment.closed";
    public const string RequiresCapture = "payment.requires_capture";

    /// <summary>Stable across retries and replays, so a merchant can dedupe on it.</summary>
    public static string EventId(string paymentId, string eventType) =>
        "evt_" + paymentId["pay_".Length..] + "_" + eventType["payment.".Length..];
}
