using System.Collections.Concurrent;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// The row a completion just wrote, kept in this process for the webhook that announces it: the event's body is
/// the payment as its completion left it, so the webhook need not read the row back. The webhook activity usually
/// runs in the process that ran the completion; where it does not (a scaled-out Functions app), it reads the row.
/// </summary>
public sealed class CompletedPayments
{
    // A row whose webhook ran elsewhere is never taken; the cap bounds what such rows can hold.
    private const int MaxKept = 4_096;

    private readonly ConcurrentDictionary<string, PaymentEntity> kept = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="payment"/>, as stored, when its status ends the payment.</summary>
    public void Keep(PaymentEntity payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (EventOf(payment.StatusValue) is null)
        {
            return;
        }

        if (kept.Count >= MaxKept)
        {
            kept.Clear();
        }

        kept[payment.Id] = payment;
    }

    /// <summary>
    /// The kept row of the payment, once, if it is the row the event of <paramref name="eventType"/> announces; otherwise
    /// null, and the caller reads the row.
    /// </summary>
    public PaymentEntity? Take(string merchantId, string paymentId, string eventType) =>
        kept.TryRemove(paymentId, out var payment) && payment.MerchantId == merchantId && EventOf(payment.StatusValue) == eventType
            ? payment
            : null;

    private static string? EventOf(PaymentStatus status) => status switch
    {
        PaymentStatus.Succeeded => PaymentEvents.Succeeded,
        PaymentStatus.Failed => PaymentEvents.Failed,
        PaymentStatus.Expired => PaymentEvents.Expired,
        PaymentStatus.Closed => PaymentEvents.Closed,
        _ => null,
    };
}
