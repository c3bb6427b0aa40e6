using System.Globalization;
using System.Text;

namespace PayFunctions.Domain.Risk;

/// <summary>
/// Turns one payment's facts, history, features and score into a decision under a list of rules. Pure and
/// allocation-light: rules are a flat array walked once, and a sentence is written only for a rule that fires, so
/// a payment no rule objects to costs the decision and nothing else. A rule about a fact the payment does not have
/// (no payer id, no card before the channel's result) does not fire. The outcome is allow when an allow rule fired
/// (an allow list is how a merchant vouches for a payer), else the strictest action among the rules that fired, else
/// allow; every rule that fired is listed, in the rules' order. Features are single precision (what the learned model
/// reads), so limits are compared in single precision too: a share of exactly 4 % is not below a limit of 0.04.
/// </summary>
public static class RiskEvaluator
{
    /// <summary>How many of the score's factors an explanation names.</summary>
    public const int FactorsShown = 3;

    /// <summary>The decision on a payment at <paramref name="stage"/>: the history is what was seen before it, the features and score are of it.</summary>
    public static RiskDecision Evaluate(
        RiskFacts facts,
        RiskStage stage,
        RiskHistory history,
        RiskFeatures features,
        RiskScore? score,
        IReadOnlyList<RiskRule> rules,
        DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(rules);
        List<RiskRuleHit>? hits = null;
        var allowed = false;
        var strictest = RiskOutcome.Allow;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.AppliesAt(stage) || Check(rule, facts, history, features, score) is not { } reason)
            {
                continue;
            }

            (hits ??= []).Add(new RiskRuleHit(rule.Id, rule.Action, reason));
            allowed |= rule.Action == RiskOutcome.Allow;
            strictest = rule.Action > strictest ? rule.Action : strictest;
        }

        return new RiskDecision(allowed ? RiskOutcome.Allow : strictest, stage, hits ?? [], score, decidedAt);
    }

    /// <summary>The sentence of a rule that fires, or null.</summary>
    private static string? Check(RiskRule rule, RiskFacts facts, RiskHistory history, RiskFeatures features, RiskScore? score) => rule.Kind switch
    {
        RiskRuleKind.Velocity => Velocity(rule, facts, history),
        RiskRuleKind.CardTesting => CardTesting(rule, facts, history),
        RiskRuleKind.AmountOutlier => Math.Abs(features.AmountZ) >= (float)rule.Threshold
            ? Invariant($"Amount {facts.Amount} is {RiskExplanations.NumberOf(Math.Abs(features.AmountZ), 1)} standard deviations from the merchant's usual (limit {RiskExplanations.NumberOf(rule.Threshold)})")
            : null,
        RiskRuleKind.UnusualRegion => facts.IpRegion is not null && features.RegionShare < (float)rule.Threshold
            ? Invariant($"{RiskExplanations.NumberOf(features.RegionShare * 100, 1)}% of the merchant's located payments come from {facts.IpRegion} (limit {RiskExplanations.NumberOf(rule.Threshold * 100, 1)}%)")
            : null,
        RiskRuleKind.IpCountryMismatch => features.IpCountryMismatch > 0
            ? $"The IP address is located in {RiskFeatures.CountryOf(facts.IpRegion)}, the payer's country is {facts.PayerCountry!.ToUpperInvariant()}"
            : null,
        RiskRuleKind.ImpossibleTravel => features.TravelKmh > 0 && features.TravelKmh >= (float)rule.Threshold
            ? Invariant($"The payer's IP moved from {history.PayerLastSeen?.Region} to {facts.IpRegion} at {RiskExplanations.NumberOf(features.TravelKmh, 0)} km/h since their last payment (limit {RiskExplanations.NumberOf(rule.Threshold, 0)} km/h)")
            : null,
        RiskRuleKind.List => List(rule, facts),
        RiskRuleKind.Score => score is not null && score.Value >= rule.Threshold ? Score(rule, score) : null,
        _ => null,
    };

    private static string? Velocity(RiskRule rule, RiskFacts facts, RiskHistory history)
    {
        if (CountsOf(rule.Key, facts, history) is not { } counts)
        {
            return null;
        }

        var count = 1 + rule.Window switch
        {
            RiskWindow.OneMinute => counts.Count1m,
            RiskWindow.TenMinutes => counts.Count10m,
            RiskWindow.OneHour => counts.Count1h,
            _ => counts.Count24h,
        };
        var who = RiskExplanations.KeyOf(rule.Key, facts);
        var window = RiskExplanations.WindowOf(rule.Window);
        if (rule.MaxCount is { } maxCount && count > maxCount)
        {
            return Invariant($"{count} payments from {who} in {window} (limit {maxCount})");
        }

        if (rule.MaxAmount is { } maxAmount && rule.Currency == facts.Amount.Currency)
        {
            var sum = facts.Amount.MinorUnits + (rule.Window == RiskWindow.OneHour ? counts.Sum1h : counts.Sum24h);
            if (sum > maxAmount)
            {
                return Invariant($"{RiskExplanations.AmountOf(sum, facts.Amount.Currency)} from {who} in {window} (limit {RiskExplanations.AmountOf(maxAmount, facts.Amount.Currency)})");
            }
        }

        return null;
    }

    private static string? CardTesting(RiskRule rule, RiskFacts facts, RiskHistory history)
    {
        if (facts.Amount.MinorUnits > RiskFeatures.SmallAmountMinorUnits || CountsOf(rule.Key, facts, history) is not { } counts)
        {
            return null;
        }

        var small = counts.Small10m + 1;
        return small >= rule.MinCount
            ? Invariant($"{small} payments of at most {RiskExplanations.AmountOf(RiskFeatures.SmallAmountMinorUnits, facts.Amount.Currency)} from {RiskExplanations.KeyOf(rule.Key, facts)} in 10 minutes (limit {rule.MinCount})")
            : null;
    }

    private static string? List(RiskRule rule, RiskFacts facts)
    {
        var fact = rule.Field switch
        {
            RiskListField.PayerId => facts.PayerId,
            RiskListField.Ip => facts.PayerIp,
            RiskListField.DeviceId => facts.DeviceId,
            RiskListField.CardFingerprint => facts.CardFingerprint,
            RiskListField.PayerCountry => facts.PayerCountry,
            _ => facts.IpRegion,
        };
        if (fact is null)
        {
            return null;
        }

        // The common case, a fact written as the list writes it, is looked up without normalising (which allocates).
        var listed = rule.Values!.Contains(fact)
            || (RiskRuleValidator.NormalizeListValue(rule.Field, fact) is { } normalized && !ReferenceEquals(normalized, fact) && rule.Values.Contains(normalized));
        return listed
            ? $"{RiskExplanations.FieldOf(rule.Field, fact)} is on {(rule.Action == RiskOutcome.Allow ? "an allow" : "a block")} list"
            : null;
    }

    private static string Score(RiskRule rule, RiskScore score)
    {
        var text = new StringBuilder(Invariant($"Risk score {RiskExplanations.NumberOf(score.Value)} (limit {RiskExplanations.NumberOf(rule.Threshold)})"));
        for (var i = 0; i < score.Factors.Count && i < FactorsShown; i++)
        {
            var factor = score.Factors[i];
            text.Append(i == 0 ? "; main factors: " : ", ")
                .Append(factor.Feature)
                .Append(' ')
                .Append(factor.Contribution >= 0 ? "+" : "")
                .Append(RiskExplanations.NumberOf(factor.Contribution));
        }

        return text.ToString();
    }

    /// <summary>The key's counts, or null when the payment has no such key.</summary>
    private static WindowCounts? CountsOf(RiskKey key, RiskFacts facts, RiskHistory history) => key switch
    {
        RiskKey.Payer => facts.PayerId is null ? null : history.Payer,
        RiskKey.Ip => facts.PayerIp is null ? null : history.Ip,
        RiskKey.Device => facts.DeviceId is null ? null : history.Device,
        RiskKey.Card => facts.CardFingerprint is null ? null : history.Card,
        _ => history.Merchant,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
