namespace PayFunctions.Domain.Aml;

/// <summary>
/// The standards and windows the detectors apply. The large-value defaults are those of the PBoC's 《金融机构大额交易和可疑交易报告管理办法》
/// (Order [2016] No. 3, Article 5), which the PBoC's notice 银发〔2018〕163号 applies to non-bank payment institutions' payment
/// accounts; the suspicious-pattern figures are the platform's own monitoring standards, which the Measures leave to each institution.
/// </summary>
public sealed class AmlRules
{
    /// <summary>A natural person's domestic transfers: RMB 500,000 or USD 100,000 a day (Article 5, item 3).</summary>
    public AmlStandard NaturalDomestic { get; init; } = new() { Cny = 50_000_000, Usd = 10_000_000 };

    /// <summary>A natural person's cross-border transfers: RMB 200,000 or USD 10,000 a day (Article 5, item 4).</summary>
    public AmlStandard NaturalCrossBorder { get; init; } = new() { Cny = 20_000_000, Usd = 1_000_000 };

    /// <summary>A non-natural person's transfers: RMB 2,000,000 or USD 200,000 a day (Article 5, item 2).</summary>
    public AmlStandard NonNatural { get; init; } = new() { Cny = 200_000_000, Usd = 20_000_000 };

    /// <summary>How far below a standard a payment counts as "just under" it, in basis points of the standard (10 %).</summary>
    public int StructuringMarginBasisPoints { get; init; } = 1_000;

    /// <summary>The fewest payments just under a standard that make a structuring sequence.</summary>
    public int StructuringMinPayments { get; init; } = 2;

    /// <summary>How close together the payments of a structuring sequence are, first to last.</summary>
    public TimeSpan StructuringWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How soon after the last credit a payout makes the money's passage rapid.</summary>
    public TimeSpan RapidWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>At most this share of the day's credits (basis points) left behind makes it "little left" (10 %).</summary>
    public int RapidMaxRetainedBasisPoints { get; init; } = 1_000;

    /// <summary>
    /// The day's credits a receiver must reach for rapid in-and-out to be considered: every receiver is settled daily, so
    /// it is the amount, not the emptying, that singles one out. RMB 50,000 or USD 10,000 by default.
    /// </summary>
    public AmlStandard RapidMinimum { get; init; } = new() { Cny = 5_000_000, Usd = 1_000_000 };

    /// <summary>The window in which distinct payers into one connected account are counted.</summary>
    public TimeSpan FunnellingWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The fewest distinct payers into one connected account within the window that make funnelling.</summary>
    public int FunnellingMinPayers { get; init; } = 10;

    /// <summary>Every standard positive, margins and shares below the whole, windows positive and within a day where a day is all that is read.</summary>
    public bool IsValid() =>
        NaturalDomestic.IsValid && NaturalCrossBorder.IsValid && NonNatural.IsValid && RapidMinimum.IsValid
        && StructuringMarginBasisPoints is > 0 and < 10_000 && StructuringMinPayments >= 2
        && StructuringWindow > TimeSpan.Zero && StructuringWindow <= TimeSpan.FromDays(1)
        && RapidWindow > TimeSpan.Zero && RapidMaxRetainedBasisPoints is >= 0 and < 10_000
        && FunnellingWindow > TimeSpan.Zero && FunnellingWindow <= TimeSpan.FromDays(1) && FunnellingMinPayers >= 2;
}
