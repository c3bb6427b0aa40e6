namespace PayFunctions.Domain;

/// <summary>Where a payment is in its lifecycle. Every status except <see cref="RequiresAction"/>, <see cref="Processing"/> and <see cref="RequiresCapture"/> is final.</summary>
public enum PaymentStatus
{
    /// <summary>Created and waiting for the payer to complete it at the channel.</summary>
    RequiresAction,

    /// <summary>The channel confirmed the money was captured.</summary>
    Succeeded,

    /// <summary>The channel reported a definitive failure.</summary>
    Failed,

    /// <summary>The payer did not complete the payment before it expired.</summary>
    Expired,

    /// <summary>The merchant closed the payment before it completed.</summary>
    Closed,

    /// <summary>The channel took the payment and the payer is confirming it (a payment code scanned at the till); nothing is asked of the merchant.</summary>
    Processing,

    /// <summary>The payer's money is held at the channel (authorized, not captured) until the merchant captures it or it is released.</summary>
    RequiresCapture,
}
