using System.Collections.Frozen;

namespace PayFunctions.Domain.Risk;

/// <summary>What a rule looks at. Each kind reads its own fields of <see cref="RiskRule"/>; the others are unset.</summary>
public enum RiskRuleKind
{
    /// <summary>Payments of one key in one window: <see cref="RiskRule.MaxCount"/> and/or <see cref="RiskRule.MaxAmount"/> (a sum).</summary>
    Velocity,

    /// <summary>Small payments (<see cref="RiskFeatures.SmallAmountMinorUnits"/>) of one key in 10 minutes reaching <see cref="RiskRule.MinCount"/>.</summary>
    CardTesting,

    /// <summary>The amount's z-score against the merchant's usual, in absolute value, reaching <see cref="RiskRule.Threshold"/>.</summary>
    AmountOutlier,

    /// <summary>The merchant's share of payments from the payer's IP region below <see cref="RiskRule.Threshold"/>.</summary>
    UnusualRegion,

    /// <summary>The IP's country differs from the payer's declared or reported country.</summary>
    IpCountryMismatch,

    /// <summary>The speed since the payer's last payment reaching <see cref="RiskRule.Threshold"/> km/h.</summary>
    ImpossibleTravel,

    /// <summary>A fact (<see cref="RiskRule.Field"/>) among <see cref="RiskRule.Values"/>: a block list, or an allow list with action allow.</summary>
    List,

    /// <summary>The learned score reaching <see cref="RiskRule.Threshold"/>.</summary>
    Score,
}

/// <summary>Whose payments a velocity or card-testing rule counts.</summary>
public enum RiskKey
{
    /// <summary>The payer's id at the merchant, or at the result the payer's account at the channel.</summary>
    Payer,
    /// <summary>The payer's IP address.</summary>
    Ip,
    /// <summary>The merchant's id of the payer's device.</summary>
    Device,
    /// <summary>The channel's fingerprint of the card, known at the result.</summary>
    Card,
    /// <summary>All the merchant's payments.</summary>
    Merchant,
}

/// <summary>The sliding windows shared storage keeps (see <see cref="WindowCounts"/>).</summary>
public enum RiskWindow
{
    /// <summary><c>1m</c>.</summary>
    OneMinute,
    /// <summary><c>10m</c>.</summary>
    TenMinutes,
    /// <summary><c>1h</c>.</summary>
    OneHour,
    /// <summary><c>24h</c>.</summary>
    OneDay,
}

/// <summary>The facts a list rule can match.</summary>
public enum RiskListField
{
    /// <summary><c>payer_id</c>.</summary>
    PayerId,
    /// <summary><c>ip</c>.</summary>
    Ip,
    /// <summary><c>device_id</c>.</summary>
    DeviceId,
    /// <summary><c>card_fingerprint</c>.</summary>
    CardFingerprint,
    /// <summary><c>payer_country</c>.</summary>
    PayerCountry,
    /// <summary><c>ip_region</c>.</summary>
    IpRegion,
}

/// <summary>When a rule is evaluated.</summary>
[Flags]
public enum RiskStages
{
    /// <summary><c>before_channel</c>.</summary>
    BeforeChannel = 1,
    /// <summary><c>on_result</c>.</summary>
    OnResult = 2,

    /// <summary>The default: a rule about a fact known only at the result simply does not fire before the channel.</summary>
    Both = BeforeChannel | OnResult,
}

/// <summary>
/// One rule, as <see cref="RiskRuleValidator"/> made it from a draft: flat rather than a type per kind, so evaluation
/// is one switch over an array without virtual calls or allocation. Ids are <c>rule_…</c>; the platform's defaults
/// are <c>rule_default_…</c>.
/// </summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Kind">What it looks at.</param>
/// <param name="Action">What it asks for when it fires.</param>
/// <param name="Stages">When it is evaluated.</param>
/// <param name="Description">The writer's words for it, shown with the decision's rules.</param>
/// <param name="Key">velocity and card_testing: whose payments are counted.</param>
/// <param name="Window">velocity: the window counted.</param>
/// <param name="MaxCount">velocity: the most payments allowed in the window, this one included.</param>
/// <param name="MaxAmount">velocity: the largest sum allowed in the window, in minor units of <paramref name="Currency"/>.</param>
/// <param name="MinCount">card_testing: the number of small payments in 10 minutes, this one included, that fires.</param>
/// <param name="Field">list: the fact looked up.</param>
/// <param name="Threshold">The kind's limit: <c>min_z</c>, <c>max_share</c>, <c>min_kmh</c> or <c>min_score</c>.</param>
/// <param name="Currency">A velocity rule with <paramref name="MaxAmount"/> sums payments of this currency only.</param>
/// <param name="Values">A list rule's values, normalised as <see cref="RiskRuleValidator"/> normalises facts.</param>
public sealed record RiskRule(
    string Id,
    RiskRuleKind Kind,
    RiskOutcome Action,
    RiskStages Stages,
    string? Description,
    RiskKey Key = RiskKey.Payer,
    RiskWindow Window = RiskWindow.OneHour,
    int? MaxCount = null,
    long? MaxAmount = null,
    Currency? Currency = null,
    int MinCount = 0,
    double Threshold = 0,
    RiskListField Field = RiskListField.PayerId,
    FrozenSet<string>? Values = null)
{
    /// <summary>Whether the rule is evaluated at <paramref name="stage"/>.</summary>
    public bool AppliesAt(RiskStage stage) =>
        (Stages & (stage == RiskStage.BeforeChannel ? RiskStages.BeforeChannel : RiskStages.OnResult)) != 0;
}
