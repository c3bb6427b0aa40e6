namespace PayFunctions.Domain;

/// <summary>Splits a captured payment into exact parts: platform fee, then recipients, then the merchant's remainder.</summary>
public static class SplitCalculator
{
    /// <summary>The account that receives the platform fee; recipients may not use it.</summary>
    public const string PlatformFeeAccount = "platform";

    /// <summary>
    /// Allocates <paramref name="gross"/>. Rates are of the net (gross minus fee) and floored, fixed amounts come
    /// first, and the merchant takes the remainder, so the parts always sum exactly to the gross. Zero parts are
    /// omitted except the merchant's, which is always last.
    /// </summary>
    /// <exception cref="ArgumentException">The rule is invalid for this gross and fee (see <see cref="SplitRule.Validate(Money, FeeSchedule)"/>), the gross is negative, or the merchant account is missing or reserved.</exception>
    public static IReadOnlyList<SplitAllocation> Allocate(Money gross, FeeSchedule fee, string merchantAccountId, SplitRule? rule)
    {
        ArgumentNullException.ThrowIfNull(fee);
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantAccountId);
        ArgumentOutOfRangeException.ThrowIfNegative(gross.MinorUnits, nameof(gross));
        if (string.Equals(merchantAccountId, PlatformFeeAccount, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{PlatformFeeAccount}' is reserved for the platform fee.", nameof(merchantAccountId));
        }

        if (rule is not null)
        {
            var errors = rule.Validate(gross, fee);
            if (errors.Count > 0)
            {
                throw new ArgumentException($"Invalid split rule: {errors[0].Param}: {errors[0].Message}", nameof(rule));
            }
        }

        var allocations = new List<SplitAllocation>();
        var feeAmount = fee.FeeFor(gross);
        Add(allocations, PlatformFeeAccount, SplitRole.PlatformFee, feeAmount);
        var net = gross - feeAmount;
        var remainder = net;
        if (rule is not null)
        {
            foreach (var recipient in rule.Recipients.Where(r => r.FixedMinorUnits is not null))
            {
                var part = new Money(recipient.FixedMinorUnits!.Value, gross.Currency);
                Add(allocations, recipient.AccountId, SplitRole.Recipient, part);
                remainder -= part;
            }

            foreach (var recipient in rule.Recipients.Where(r => r.BasisPoints is not null))
            {
                var part = new Money(RatioPart(net.MinorUnits, recipient.BasisPoints!.Value), gross.Currency);
                Add(allocations, recipient.AccountId, SplitRole.Recipient, part);
                remainder -= part;
            }
        }

        allocations.Add(new SplitAllocation(merchantAccountId, SplitRole.Merchant, remainder));
        return allocations;
    }

    /// <summary>What the rate-based recipients take in total out of <paramref name="net"/>, each part floored.</summary>
    internal static long RatioTotal(IEnumerable<SplitRecipient> recipients, long net) =>
        recipients.Where(r => r.BasisPoints is not null).Sum(r => RatioPart(net, r.BasisPoints!.Value));

    // Int128 because net * 10000 overflows long for very large amounts.
    private static long RatioPart(long net, int basisPoints) => (long)((Int128)net * basisPoints / SplitRule.BasisPointsPerWhole);

    private static void Add(List<SplitAllocation> allocations, string accountId, SplitRole role, Money amount)
    {
        if (amount.MinorUnits != 0)
        {
            allocations.Add(new SplitAllocation(accountId, role, amount));
        }
    }
}
