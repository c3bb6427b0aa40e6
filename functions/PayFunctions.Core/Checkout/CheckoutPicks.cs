using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// The one pick a checkout payment takes, claimed on the payment's row under its ETag so that of concurrent picks on
/// any instance exactly one goes on to be routed and handed to the orchestration. A claim lapses after
/// <see cref="ClaimLease"/> if the payment still waits for its method, so an instance that stopped between claiming and
/// handing on cannot leave the payment unable to take any pick.
/// </summary>
public sealed class CheckoutPicks(PaymentStore payments, TimeProvider time)
{
    /// <summary>Far longer than a claim takes to be routed and handed on; short beside a payment's lifetime.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    /// <summary>
    /// True when <paramref name="method"/> is now the payment's pick; false when it has one, or no longer waits for one.
    /// The region of the payer whose pick is taken, when located, is written with it for the reports.
    /// </summary>
    public async Task<bool> TakeAsync(PaymentEntity payment, string method, string? payerRegion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var taken = false;
        var now = time.GetUtcNow();
        await payments.UpdateAsync(payment.MerchantId, payment.Id, p =>
        {
            taken = CheckoutPage.StateOf(p) == CheckoutPage.Choose && (p.CheckoutPick is null || p.CheckoutPickedAt + ClaimLease <= now);
            if (taken)
            {
                p.CheckoutPick = method;
                p.CheckoutPickedAt = now;
                p.PayerRegion = payerRegion ?? p.PayerRegion;
            }

            return taken;
        }, cancellationToken);
        return taken;
    }

    /// <summary>Gives the pick back when it could not be handed on (no account can take it, or the hand-over failed).</summary>
    public async Task ReleaseAsync(PaymentEntity payment, string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        await payments.UpdateAsync(payment.MerchantId, payment.Id, p =>
        {
            if (CheckoutPage.StateOf(p) != CheckoutPage.Choose || p.CheckoutPick != method)
            {
                return false;
            }

            p.CheckoutPick = null;
            p.CheckoutPickedAt = null;
            return true;
        }, cancellationToken);
    }
}
