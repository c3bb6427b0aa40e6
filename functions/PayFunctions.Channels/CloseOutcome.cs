namespace PayFunctions.Channels;

/// <summary>What closing an order at a channel achieved.</summary>
public enum CloseOutcome
{
    /// <summary>The order is closed (or already was) and can no longer be paid.</summary>
    Closed,

    /// <summary>The order was paid before it could be closed; query it for the payment details.</summary>
    AlreadyPaid,

    /// <summary>The order had been paid and cancelling it gave the money back to the payer.</summary>
    Reversed,

    /// <summary>The channel has no such order.</summary>
    NotFound,
}
