namespace PayFunctions.Domain.Routing;

/// <summary>What an account charges for one payment, from a policy's fee schedule.</summary>
internal static class AccountFees
{
    /// <summary>
    /// The fee in minor units: the rate rounded half up plus the fixed part, from the account's fee for
    /// <paramref name="method"/>, else its fee for all methods; null when no fee names the account.
    /// </summary>
    public static long? For(IReadOnlyList<AccountFee> fees, ChannelAccountId account, string method, long amount)
    {
        AccountFee? chosen = null;
        for (var i = 0; i < fees.Count; i++)
        {
            var fee = fees[i];
            if (fee.Account != account)
            {
                continue;
            }

            if (string.Equals(fee.Method, method, StringComparison.Ordinal))
            {
                chosen = fee;
                break;
            }

            if (fee.Method is null)
            {
                chosen ??= fee;
            }
        }

        if (chosen is null)
        {
            return null;
        }

        // Int128 because amount × 10000 overflows long for very large amounts.
        var rated = (long)((((Int128)amount * chosen.BasisPoints) + (SplitRule.BasisPointsPerWhole / 2)) / SplitRule.BasisPointsPerWhole);
        return rated + chosen.FixedMinorUnits;
    }
}
