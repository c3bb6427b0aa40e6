using PayFunctions.Domain;

namespace PayFunctions.Core.Risk;

/// <summary>
/// The merchant's events about a payment's review, named as card-fraud screening services name theirs: opened when a
/// decision sends the payment to review, closed when an operator releases it or the payment's end voids it.
/// </summary>
public static class ReviewEvents
{
    public const string Prefix = "review.";

    public const string Opened = "review.opened";
    public const string Closed = "review.closed";

    /// <summary>
    /// Stable across retries and replays, and one of each kind per payment: a review opens once and closes once,
    /// whichever of the operator and the payment's end closes it, so both senders of a close name the same event.
    /// </summary>
    public static string EventId(string paymentId, string eventType) =>
        "evt_" + paymentId[PaymentIds.Prefix.Length..] + "_review_" + eventType[Prefix.Length..];
}
