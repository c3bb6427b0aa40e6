using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Reconciliation;

/// <summary>
/// One difference a statement day's reconciliation found, kept across re-runs: its facts are written once, when first
/// found, and only its <see cref="Status"/> and what resolved it change afterwards.
/// </summary>
public sealed class ReconciliationDifferenceEntity : TableRow
{
    public string Channel { get; set; } = "";

    public string Account { get; set; } = "";

    /// <summary>The statement day, yyyy-MM-dd.</summary>
    public string Day { get; set; } = "";

    /// <summary>The difference class's code, e.g. <c>amount_mismatch</c>.</summary>
    public string Class { get; set; } = "";

    /// <summary>The statement line kind's code, e.g. <c>payment</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The platform's order or refund number, else the channel's reference.</summary>
    public string Reference { get; set; } = "";

    public int Occurrence { get; set; }

    /// <summary>What the matcher proposed (the Domain's <c>ProposedResolution</c>, by name).</summary>
    public string Proposed { get; set; } = "";

    /// <summary>The merchant of the platform's record, when the index knows it.</summary>
    public string? MerchantId { get; set; }

    /// <summary>The statement line's facts as JSON; null when the channel listed nothing.</summary>
    public string? StatementJson { get; set; }

    /// <summary>The platform record's facts as JSON; null when the platform has none.</summary>
    public string? PlatformJson { get; set; }

    public string? EarlierChannelReference { get; set; }

    /// <summary>One of <see cref="ReconciliationStatuses"/>.</summary>
    public string Status { get; set; } = ReconciliationStatuses.Pending;

    /// <summary>What was done about it, one of <see cref="ReconciliationOutcomes"/>; null while pending.</summary>
    public string? Outcome { get; set; }

    /// <summary>Why it went to an operator, or the operator's note on resolving it.</summary>
    public string? Note { get; set; }

    /// <summary>Who resolved it: <c>system</c> or the operator.</summary>
    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset FoundAt { get; set; }
}

/// <summary>Where a difference stands.</summary>
public static class ReconciliationStatuses
{
    /// <summary>Found; the automatic step it proposes has not completed yet.</summary>
    public const string Pending = "pending";

    /// <summary>Booked near midnight: waits for the neighbouring day's statement to list it.</summary>
    public const string Awaiting = "awaiting";

    /// <summary>In the operator queue.</summary>
    public const string Open = "open";

    /// <summary>Resolved, automatically or by an operator.</summary>
    public const string Resolved = "resolved";

    public static bool IsKnown(string status) => status is Pending or Awaiting or Open or Resolved;
}

/// <summary>What resolved a difference, or sent it to an operator.</summary>
public static class ReconciliationOutcomes
{
    /// <summary>The channel confirmed money for a payment that had ended unpaid: held in suspense and refunded to the payer.</summary>
    public const string LatePaymentRefunded = "late_payment_refunded";

    /// <summary>The channel confirmed a payment the platform still waited for; its orchestration was handed the success to book.</summary>
    public const string LateSuccessRaised = "late_success_raised";

    /// <summary>Booked near midnight: waits for the neighbouring day's statement.</summary>
    public const string ShiftAwaited = "shift_awaited";

    /// <summary>The fee difference was booked to the channel's fees.</summary>
    public const string FeeCorrected = "fee_corrected";

    /// <summary>Both days' statements list it: a booking on either side of midnight.</summary>
    public const string ShiftConfirmed = "shift_confirmed";

    /// <summary>No safe automatic step: queued for an operator.</summary>
    public const string OperatorQueued = "operator_queued";

    /// <summary>An operator resolved it.</summary>
    public const string OperatorResolved = "operator_resolved";
}
