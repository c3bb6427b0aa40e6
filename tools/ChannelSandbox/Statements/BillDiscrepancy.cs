namespace ChannelSandbox.Statements;

/// <summary>The differences a channel's statement can be made to show, each as a reconciliation would classify it.</summary>
public enum BillDiscrepancyKind
{
    /// <summary>长款: a paid order the merchant never placed.</summary>
    Unknown,

    /// <summary>短款: a processed payment or refund left off the bill.</summary>
    Missing,

    /// <summary>The line's amount differs from what was processed.</summary>
    Amount,

    /// <summary>The line's state differs from what was processed, in the words of the channel's own format.</summary>
    Status,

    /// <summary>The line's fee differs from the rate.</summary>
    Fee,

    /// <summary>The line is listed twice.</summary>
    Duplicate,

    /// <summary>The line is left off its day's bill and listed on the next day's, booked at its midnight.</summary>
    DateShift,
}

/// <summary>
/// One injected difference in the statement of <paramref name="Day"/>: about the line of <paramref name="Key"/> (the
/// platform's refund number for a refund line, its order number otherwise), or for <see cref="BillDiscrepancyKind.Unknown"/>
/// the order number of the line it adds, with the <paramref name="TransactionId"/> the channel gave that payment. <paramref name="Amount"/> and
/// <paramref name="Fee"/> (fen) are the line's new values.
/// </summary>
public sealed record BillDiscrepancy(DateOnly Day, BillDiscrepancyKind Kind, string Key, long? Amount = null, long? Fee = null, string? TransactionId = null);
