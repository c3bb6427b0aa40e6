namespace PayFunctions.Domain.Reconciliation;

/// <summary>
/// What an orchestration should try first to resolve a difference. Reconciliation only proposes: it does no I/O.
/// Every automatic resolution that moves money starts by asking the channel, so a damaged statement cannot by itself
/// book or refund anything.
/// </summary>
public enum ProposedResolution
{
    /// <summary>Nothing to correct: the movement is on both sides, in neighbouring days' books.</summary>
    None,

    /// <summary>
    /// Ask the channel for the order or refund: its answer decides (a success the platform missed is booked, a
    /// movement the channel does not confirm goes to an operator). Used for 长款, 短款 and a line listed twice.
    /// </summary>
    QueryChannel,

    /// <summary>The platform still waits for an outcome the statement shows succeeded: confirm with the channel and book the success late.</summary>
    BookLateSuccess,

    /// <summary>
    /// The channel took money the platform will not honour (the payment is failed or closed, or the payer was charged
    /// twice for one order): confirm with the channel, then refund the payer.
    /// </summary>
    RefundPayer,

    /// <summary>Post a reversing ledger entry for the fee expected and book the fee charged.</summary>
    CorrectFee,

    /// <summary>
    /// The platform booked it near midnight and the channel will list it on the neighbouring day's statement: close
    /// it when that day's reconciliation reports the same reference as a shift, else treat it as 短款.
    /// </summary>
    AwaitNeighbourDay,

    /// <summary>No safe automatic step (the amounts differ, a refund the platform holds as failed was paid): queue it for an operator.</summary>
    OperatorReview,
}
