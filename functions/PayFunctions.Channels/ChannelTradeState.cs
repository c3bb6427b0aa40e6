namespace PayFunctions.Channels;

/// <summary>The state of an order at a channel, in channel-neutral terms.</summary>
public enum ChannelTradeState
{
    /// <summary>Created and payable, no payment attempt yet.</summary>
    NotPaid,

    /// <summary>The payer is completing the payment (e.g. entering a password).</summary>
    Paying,

    /// <summary>Paid.</summary>
    Succeeded,

    /// <summary>The payment attempt failed.</summary>
    Failed,

    /// <summary>Closed or revoked; it can no longer be paid.</summary>
    Closed,

    /// <summary>Paid and then (partly or fully) refunded.</summary>
    Refunded,

    /// <summary>
    /// The payer's money is held for an order placed to be captured later (<see cref="PrepayRequest.CaptureLater"/>),
    /// until <see cref="IPaymentChannel.CaptureAsync"/> takes it or a cancel or close releases it.
    /// </summary>
    Authorized,
}
