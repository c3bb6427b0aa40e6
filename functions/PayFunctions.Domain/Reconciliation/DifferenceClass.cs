namespace PayFunctions.Domain.Reconciliation;

/// <summary>How a channel's statement and the platform's records disagree.</summary>
public enum DifferenceClass
{
    /// <summary>长款: the channel has the movement, the platform has no record of it for the statement day.</summary>
    MissingOnPlatform,

    /// <summary>短款: the platform booked a success or refund on the statement day that the statement does not list.</summary>
    MissingAtChannel,

    /// <summary>Both sides have it, with different gross amounts.</summary>
    AmountMismatch,

    /// <summary>The channel moved the money; the platform holds the payment or refund as not succeeded.</summary>
    StatusMismatch,

    /// <summary>Both sides agree on the amount; the channel charged another fee than the platform expected.</summary>
    FeeMismatch,

    /// <summary>The statement lists a movement a second time (the same channel reference, or a second one for the same order).</summary>
    Duplicate,

    /// <summary>The two sides booked it on either side of midnight, within <see cref="StatementDay.ShiftWindow"/>.</summary>
    DateBoundaryShift,
}

/// <summary>Stable codes of the classes and kinds, used in reports and in difference ids (so never renamed).</summary>
public static class ReconciliationCodes
{
    /// <summary>The snake_case code of a difference class, e.g. <c>missing_on_platform</c>.</summary>
    public static string Of(DifferenceClass difference) => difference switch
    {
        DifferenceClass.MissingOnPlatform => "missing_on_platform",
        DifferenceClass.MissingAtChannel => "missing_at_channel",
        DifferenceClass.AmountMismatch => "amount_mismatch",
        DifferenceClass.StatusMismatch => "status_mismatch",
        DifferenceClass.FeeMismatch => "fee_mismatch",
        DifferenceClass.Duplicate => "duplicate",
        DifferenceClass.DateBoundaryShift => "date_boundary_shift",
        _ => throw new ArgumentOutOfRangeException(nameof(difference), difference, "Unknown difference class."),
    };

    /// <summary>The snake_case code of a statement line's kind, e.g. <c>payment</c>.</summary>
    public static string Of(StatementEntryKind kind) => kind switch
    {
        StatementEntryKind.Payment => "payment",
        StatementEntryKind.Refund => "refund",
        StatementEntryKind.Fee => "fee",
        StatementEntryKind.Payout => "payout",
        StatementEntryKind.Adjustment => "adjustment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown statement line kind."),
    };
}
