using System.Collections.Frozen;

namespace PayFunctions.Domain.Risk;

/// <summary>
/// The rules every payment is evaluated against before the platform's and the merchant's own, in code so that a
/// deployment without any rule configured is already protected. Operators add to them and merchants too; an allow
/// list rule is the way round one for a known payer. Their limits are documented in docs/architecture.md.
/// </summary>
public static class RiskDefaults
{
    /// <summary>A card tester probes many cards with tiny charges from one address: five small payments in ten minutes.</summary>
    public const int CardTestingIp = 5;

    /// <summary>One card probed three times with small amounts in ten minutes.</summary>
    public const int CardTestingCard = 3;

    /// <summary>A score at least this blocks.</summary>
    public const double BlockScore = 0.9;
    /// <summary>A score at least this is reviewed.</summary>
    public const double ReviewScore = 0.6;

    /// <summary>Faster than an airliner (about 900 km/h) between two payments.</summary>
    public const double TravelKmh = 1000;

    /// <summary>Four standard deviations of the logarithm: a payment about 50 times (or a 50th of) a merchant's typical one when its spread is one.</summary>
    public const double OutlierZ = 4;

    /// <summary>The default rules, evaluated first.</summary>
    public static IReadOnlyList<RiskRule> Rules { get; } =
    [
        new("rule_default_card_testing_ip", RiskRuleKind.CardTesting, RiskOutcome.Block, RiskStages.BeforeChannel,
            "Card testing: many small payments from one IP address", Key: RiskKey.Ip, MinCount: CardTestingIp),
        new("rule_default_card_testing_card", RiskRuleKind.CardTesting, RiskOutcome.Block, RiskStages.Both,
            "Card testing: many small payments with one card", Key: RiskKey.Card, MinCount: CardTestingCard),
        new("rule_default_score_block", RiskRuleKind.Score, RiskOutcome.Block, RiskStages.Both, "Very high risk score", Threshold: BlockScore),
        new("rule_default_score_review", RiskRuleKind.Score, RiskOutcome.Review, RiskStages.Both, "High risk score", Threshold: ReviewScore),
        new("rule_default_impossible_travel", RiskRuleKind.ImpossibleTravel, RiskOutcome.Review, RiskStages.Both,
            "The payer could not have travelled this fast since their last payment", Threshold: TravelKmh),
        new("rule_default_amount_outlier", RiskRuleKind.AmountOutlier, RiskOutcome.Review, RiskStages.BeforeChannel,
            "Amount far outside the merchant's usual range", Threshold: OutlierZ),
    ];

    /// <summary>The ids of <see cref="Rules"/>, which merchants' and operators' rules cannot take.</summary>
    public static FrozenSet<string> Ids { get; } = Rules.Select(r => r.Id).ToFrozenSet(StringComparer.Ordinal);
}
