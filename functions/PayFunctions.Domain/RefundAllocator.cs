namespace PayFunctions.Domain;

/// <summary>
/// Splits refunds back over the parties a captured payment was split between. A refund of R is
/// taken as the step from the refunded-so-far total S to S + R: each party gives back its share of
/// S + R minus its share of S. Shares come from a divisor (D'Hondt) apportionment, which never
/// shrinks as the total grows, so every reversal is non-negative, the reversed parts sum to
/// exactly R, and once the refunds reach the captured amount every party has given back exactly
/// what it received.
/// </summary>
public static class RefundAllocator
{
    /// <summary>What each party gives back for a refund that takes the refunded total from <paramref name="refundedBefore"/> by <paramref name="amount"/>.</summary>
    /// <exception cref="ArgumentException">The allocations are empty or mixed in currency, the amount is not positive, or the refunds would exceed the captured total.</exception>
    public static IReadOnlyList<SplitAllocation> Reverse(IReadOnlyList<SplitAllocation> allocations, long refundedBefore, long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentOutOfRangeException.ThrowIfNegative(refundedBefore);
        var before = SharesOf(allocations, refundedBefore);
        var after = SharesOf(allocations, checked(refundedBefore + amount));
        var reversals = new List<SplitAllocation>(allocations.Count);
        for (var i = 0; i < allocations.Count; i++)
        {
            var part = after[i] - before[i];
            if (part != 0)
            {
                reversals.Add(allocations[i] with { Amount = new Money(part, allocations[i].Amount.Currency) });
            }
        }

        return reversals;
    }

    /// <summary>Each party's share of a refunded total <paramref name="refunded"/>, in the order of <paramref name="allocations"/>.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Reverse"/>.</exception>
    public static long[] SharesOf(IReadOnlyList<SplitAllocation> allocations, long refunded)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        if (allocations.Count == 0 || allocations.Any(a => a.Amount.Currency != allocations[0].Amount.Currency || a.Amount.MinorUnits < 0))
        {
            throw new ArgumentException("Allocations must be non-empty, non-negative and of one currency.", nameof(allocations));
        }

        var captured = allocations.Aggregate(0L, (sum, a) => checked(sum + a.Amount.MinorUnits));
        if (refunded < 0 || refunded > captured)
        {
            throw new ArgumentOutOfRangeException(nameof(refunded), $"Refunds of {refunded} exceed the captured {captured}.");
        }

        var shares = new long[allocations.Count];
        if (refunded == 0)
        {
            return shares;
        }

        // D'Hondt's lower quotas are floor(S·a/A); the few units left go one at a time to the
        // party with the largest a/(share+1), ties to the earlier party. That total order makes the
        // result the top S of all quotients, so a larger S only ever adds units.
        long given = 0;
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = (long)((Int128)refunded * allocations[i].Amount.MinorUnits / captured);
            given += shares[i];
        }

        for (; given < refunded; given++)
        {
            var best = -1;
            for (var i = 0; i < shares.Length; i++)
            {
                if (allocations[i].Amount.MinorUnits != 0 && (best < 0 || Beats(allocations[i].Amount.MinorUnits, shares[i], allocations[best].Amount.MinorUnits, shares[best])))
                {
                    best = i;
                }
            }

            shares[best]++;
        }

        return shares;
    }

    // a/(s+1) > b/(t+1), compared exactly.
    private static bool Beats(long a, long s, long b, long t) => (Int128)a * (t + 1) > (Int128)b * (s + 1);
}
