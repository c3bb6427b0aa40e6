namespace ChannelSandbox.Stripe;

/// <summary>A Checkout Session in <c>payment</c> mode: one line item, and the PaymentIntent created when the payer first confirms.</summary>
public sealed class StripeSession
{
    public required string Id { get; init; }

    public required string? ClientReferenceId { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string ProductName { get; init; }

    public required Dictionary<string, string> Metadata { get; init; }

    public required Dictionary<string, string> PaymentIntentMetadata { get; init; }

    public required string? PaymentIntentDescription { get; init; }

    public required string CaptureMethod { get; init; }

    public required string SuccessUrl { get; init; }

    public required string? CancelUrl { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>open, complete or expired.</summary>
    public string Status { get; set; } = "open";

    public StripePaymentIntent? PaymentIntent { get; set; }

    /// <summary>The order's key at the sandbox's control API: the platform's order number, else the session id.</summary>
    public string OrderKey => ClientReferenceId ?? Id;

    public bool IsOpen(DateTimeOffset now) => Status == "open" && now < ExpiresAt;
}

/// <summary>A PaymentIntent under a session, with the card the payer entered on the simulator's page (never seen by the merchant).</summary>
public sealed class StripePaymentIntent
{
    public required string Id { get; init; }

    public required StripeSession Session { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>requires_payment_method, requires_action, requires_capture, processing, succeeded or canceled.</summary>
    public string Status { get; set; } = "requires_payment_method";

    public long AmountCapturable { get; set; }

    public long AmountReceived { get; set; }

    public StripeCardError? LastError { get; set; }

    public string? ChallengeUrl { get; set; }

    public string? CardNumber { get; set; }

    public StripeCharge? Charge { get; set; }

    public DateTimeOffset? CanceledAt { get; set; }

    public string? CancellationReason { get; set; }
}

public sealed record StripeCardError(string Type, string Code, string? DeclineCode, string Message);

public sealed class StripeCharge
{
    public required string Id { get; init; }

    public required string BalanceTransactionId { get; init; }

    public required long Amount { get; init; }

    public required DateTimeOffset Created { get; init; }

    public bool Captured { get; set; }

    public long AmountCaptured { get; set; }

    public long AmountRefunded { get; set; }

    public required string Brand { get; init; }

    public required string Last4 { get; init; }

    public required string Fingerprint { get; init; }
}

public sealed class StripeRefund
{
    public required string Id { get; init; }

    public required StripePaymentIntent PaymentIntent { get; init; }

    public required long Amount { get; init; }

    public required Dictionary<string, string> Metadata { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>pending, succeeded, failed or canceled.</summary>
    public string Status { get; set; } = "succeeded";
}

/// <summary>One attempt to deliver an event to the webhook endpoint, as the sandbox's control API shows it.</summary>
public sealed record StripeDelivery(
    string EventId, string EventType, string Reason, string Url, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset SentAt, int? Status, string? Error, bool Acknowledged);
