namespace PayFunctions.Domain;

/// <summary>
/// The payment state machine: a pending payment ends exactly once, in one terminal status; a payment
/// the channel took at the till may first be processing while the payer confirms, and one placed for
/// manual capture waits authorized until the merchant captures it.
/// </summary>
public static class PaymentTransitions
{
    /// <summary>Whether no further transition is possible from <paramref name="status"/>.</summary>
    public static bool IsTerminal(PaymentStatus status) => status is not (PaymentStatus.RequiresAction or PaymentStatus.Processing or PaymentStatus.RequiresCapture);

    /// <summary>
    /// Whether a payment may move from <paramref name="from"/> to <paramref name="to"/>. Staying in the same
    /// status is not a transition, so a duplicate or late notification is never mistaken for a state change.
    /// </summary>
    public static bool CanTransition(PaymentStatus from, PaymentStatus to) =>
        Enum.IsDefined(to) && from switch
        {
            PaymentStatus.RequiresAction => to is PaymentStatus.Processing or PaymentStatus.RequiresCapture || IsTerminal(to),
            PaymentStatus.Processing or PaymentStatus.RequiresCapture => IsTerminal(to),
            _ => false,
        };

    /// <summary>
    /// The status a payment is shown with. A payment whose order still waits in its channel's queue is
    /// shown as processing: the channel has not answered, so there is nothing for the payer to do yet.
    /// Placing the order shows it as requires_action; that is the only way a payment is seen to go from
    /// processing to requires_action. A payment processing because the payer confirms at the till is
    /// stored as processing and, by <see cref="CanTransition"/>, only ends from there.
    /// </summary>
    /// <param name="stored">The payment's status as recorded.</param>
    /// <param name="orderQueued">Its order is waiting for a channel worker to place it.</param>
    public static PaymentStatus Presented(PaymentStatus stored, bool orderQueued) =>
        stored == PaymentStatus.RequiresAction && orderQueued ? PaymentStatus.Processing : stored;
}
