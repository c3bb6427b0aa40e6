namespace PayFunctions.Domain;

/// <summary>
/// What the settlement-currency side gives back for one refund of a cross-currency payment.
/// </summary>
/// <param name="Payables">Each party's share, debited from its payable; sums to <see cref="Settlement"/>.</param>
/// <param name="Margin">The part of the platform's FX margin returned with it.</param>
public sealed record FxReversal(IReadOnlyList<SplitAllocation> Payables, Money Margin)
{
    /// <summary>What the parties give back in all.</summary>
    public Money Settlement => Payables.Aggregate(Money.Zero(Margin.Currency), (sum, p) => sum + p.Amount);

    /// <summary>
    /// The reversal of a refund of <paramref name="amount"/> (presentment minor units) after <paramref name="refundedBefore"/>.
    /// Refunds are at the locked rate: the refunded total T is worth <see cref="FxQuote.SettlementAmount"/> of T, and a
    /// refund gives back the step of that worth from before to after it, split over the parties by
    /// <see cref="RefundAllocator"/>. The margin goes back in proportion, half up, by the same step rule. Both worths
    /// grow with T and reach the captured amounts at the gross, so parts of any size sum exactly to what was credited.
    /// </summary>
    /// <param name="quote">The payment's locked quote.</param>
    /// <param name="gross">The payment's amount in presentment minor units.</param>
    /// <param name="allocations">The capture's allocations in the settlement currency.</param>
    /// <param name="refundedBefore">Presentment minor units refunded before this refund.</param>
    /// <param name="amount">This refund, in presentment minor units.</param>
    /// <exception cref="ArgumentException">The allocations are not the quote's settlement of the gross, or the refunds exceed the gross.</exception>
    public static FxReversal For(FxQuote quote, long gross, IReadOnlyList<SplitAllocation> allocations, long refundedBefore, long amount)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentOutOfRangeException.ThrowIfNegative(refundedBefore);
        var after = checked(refundedBefore + amount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(after, gross, nameof(amount));
        var settled = quote.SettlementAmount(gross);
        if (allocations.Aggregate(0L, (sum, a) => checked(sum + a.Amount.MinorUnits)) != settled.MinorUnits
            || allocations.Any(a => a.Amount.Currency != quote.Settlement))
        {
            throw new ArgumentException($"The allocations must add up to the settlement amount {settled}.", nameof(allocations));
        }

        var worthBefore = quote.SettlementAmount(refundedBefore).MinorUnits;
        var worthAfter = quote.SettlementAmount(after).MinorUnits;
        var payables = worthAfter > worthBefore ? RefundAllocator.Reverse(allocations, worthBefore, worthAfter - worthBefore) : [];
        var margin = quote.ReferenceAmount(gross).MinorUnits - settled.MinorUnits;
        var marginStep = MarginShare(margin, after, gross) - MarginShare(margin, refundedBefore, gross);
        return new FxReversal(payables, new Money(marginStep, quote.Settlement));
    }

    // round(refunded · margin / gross), half up, exactly: 2·r·m + g over 2·g.
    private static long MarginShare(long margin, long refunded, long gross) =>
        (long)((((Int128)refunded * margin * 2) + gross) / ((Int128)gross * 2));
}
