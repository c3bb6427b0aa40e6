namespace PayFunctions;

/// <summary>One step in a payment's history: its creation, routing, channel answers, webhooks, refunds and ledger
/// entries. Which members are set depends on <see cref="Type"/>.</summary>
public sealed class PaymentTimelineEvent : PayFunctionsEntity
{
    /// <summary>The kind of step.</summary>
    public string Type { get; set; } = "";

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The payment's status after the step.</summary>
    public string? Status { get; set; }

    /// <summary>An amount in minor units.</summary>
    public long? Amount { get; set; }

    /// <summary>The currency.</summary>
    public string? Currency { get; set; }

    /// <summary>The payment method.</summary>
    public string? Method { get; set; }

    /// <summary>The merchant's order reference.</summary>
    public string? MerchantOrderId { get; set; }

    /// <summary>The routing rule that matched.</summary>
    public string? Rule { get; set; }

    /// <summary>The routing objective.</summary>
    public string? Objective { get; set; }

    /// <summary>The routing candidates.</summary>
    public List<RoutingCandidate>? Candidates { get; set; }

    /// <summary>The channel account.</summary>
    public string? ChannelAccount { get; set; }

    /// <summary>The outcome of an attempt or decision.</summary>
    public string? Outcome { get; set; }

    /// <summary>Why.</summary>
    public string? Reason { get; set; }

    /// <summary>The channel.</summary>
    public string? Channel { get; set; }

    /// <summary>The channel's transaction number.</summary>
    public string? ChannelTradeNo { get; set; }

    /// <summary>The webhook event.</summary>
    public string? EventId { get; set; }

    /// <summary>The webhook event's type.</summary>
    public string? EventType { get; set; }

    /// <summary>The webhook delivery attempts.</summary>
    public int? Attempts { get; set; }

    /// <summary>The HTTP status of the last delivery attempt.</summary>
    public int? LastResponseCode { get; set; }

    /// <summary>The refund.</summary>
    public string? Refund { get; set; }

    /// <summary>A failure's code.</summary>
    public string? FailureCode { get; set; }

    /// <summary>A failure explained.</summary>
    public string? FailureMessage { get; set; }

    /// <summary>The ledger entry.</summary>
    public string? Entry { get; set; }

    /// <summary>The ledger entry's kind.</summary>
    public string? Kind { get; set; }

    /// <summary>The ledger entry's lines.</summary>
    public List<LedgerLine>? Lines { get; set; }
}

/// <summary>One line of a ledger entry.</summary>
public sealed class LedgerLine : PayFunctionsEntity
{
    /// <summary>The ledger account.</summary>
    public string Account { get; set; } = "";

    /// <summary><c>debit</c> or <c>credit</c>.</summary>
    public string Side { get; set; } = "";

    /// <summary>The amount in minor units.</summary>
    public long Amount { get; set; }

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "";
}
