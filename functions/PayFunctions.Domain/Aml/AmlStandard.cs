namespace PayFunctions.Domain.Aml;

/// <summary>
/// A reporting standard as the PBoC writes one: an amount in renminbi and an amount in foreign currency, its US dollar
/// equivalent. Renminbi and foreign-currency amounts are measured and summed separately, each against its own figure.
/// </summary>
public sealed class AmlStandard
{
    /// <summary>The renminbi figure, in fen; a transaction or same-day sum at or above it meets the standard.</summary>
    public long Cny { get; init; }

    /// <summary>The foreign-currency figure as US dollars, in cents.</summary>
    public long Usd { get; init; }

    /// <summary>The figure for a foreign-currency (US dollar equivalent) or renminbi amount.</summary>
    public long Of(bool foreign) => foreign ? Usd : Cny;

    /// <summary>Both figures positive.</summary>
    public bool IsValid => Cny > 0 && Usd > 0;
}
