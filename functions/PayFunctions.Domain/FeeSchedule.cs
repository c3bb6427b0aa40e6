namespace PayFunctions.Domain;

/// <summary>The platform fee: a rate in basis points plus a fixed amount in minor units of the payment's currency.</summary>
/// <param name="BasisPoints">The rate, 0 to 10000 (60 means 0.6%).</param>
/// <param name="FixedMinorUnits">A fixed amount added to every payment, zero or more.</param>
public sealed record FeeSchedule(int BasisPoints, long FixedMinorUnits)
{
    /// <summary>The rate, 0 to 10000 (60 means 0.6%).</summary>
    public int BasisPoints { get; init; } = BasisPoints is >= 0 and <= SplitRule.BasisPointsPerWhole
        ? BasisPoints
        : throw new ArgumentOutOfRangeException(nameof(BasisPoints), BasisPoints, "The fee rate must be between 0 and 10000 basis points.");

    /// <summary>A fixed amount added to every payment, zero or more.</summary>
    public long FixedMinorUnits { get; init; } = FixedMinorUnits >= 0
        ? FixedMinorUnits
        : throw new ArgumentOutOfRangeException(nameof(FixedMinorUnits), FixedMinorUnits, "The fixed fee cannot be negative.");

    /// <summary>No fee at all.</summary>
    public static FeeSchedule None { get; } = new(0, 0);

    /// <summary>
    /// The fee on <paramref name="gross"/>: the rate rounded half up, plus the fixed part, never more than the gross
    /// so the merchant's share can never go negative.
    /// </summary>
    public Money FeeFor(Money gross)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gross.MinorUnits, nameof(gross));

        // Int128 because gross * 10000 overflows long for very large amounts.
        var rated = (long)((((Int128)gross.MinorUnits * BasisPoints) + (SplitRule.BasisPointsPerWhole / 2)) / SplitRule.BasisPointsPerWhole);
        var fee = rated > gross.MinorUnits - FixedMinorUnits ? gross.MinorUnits : rated + FixedMinorUnits;
        return new Money(fee, gross.Currency);
    }
}
