using System.Globalization;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>A Domain policy as its canonical wire body: every default written out, so one policy has one body.</summary>
public static class RoutingPolicyBodies
{
    public const string Object = "routing_policy";

    public static RoutingPolicyBody From(RoutingPolicy policy) => new(
        Object,
        ObjectiveName(policy.Objective),
        policy.Objective == RoutingObjective.Balanced ? policy.CostWeight : null,
        OffsetText(policy.UtcOffset),
        [.. policy.Rules.Select(Rule)],
        [.. policy.Fees.Select(f => new AccountFeeBody(f.Account.ToString(), f.Method, f.BasisPoints, f.FixedMinorUnits))]);

    public static string ObjectiveName(RoutingObjective objective) => objective switch
    {
        RoutingObjective.Success => "success",
        RoutingObjective.Cost => "cost",
        _ => "balanced",
    };

    public static string TerminalName(TerminalType terminal) => terminal switch
    {
        TerminalType.Online => "online",
        TerminalType.StoreCode => "store_code",
        _ => "till",
    };

    /// <summary><c>+08:00</c>, <c>-03:30</c>, <c>+00:00</c>.</summary>
    public static string OffsetText(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static RoutingRuleBody Rule(RoutingRule rule) => new(
        rule.Name,
        new RouteConditionBody(
            rule.When.Methods,
            rule.When.MinAmount,
            rule.When.MaxAmount,
            rule.When.Currencies,
            rule.When.Countries,
            rule.When.Regions,
            rule.When.Between is { } window ? new TimeWindowBody(Time(window.Start), Time(window.End)) : null,
            rule.When.Terminals?.Select(TerminalName).ToList()),
        [.. rule.Candidates.Select(c => new RouteCandidateBody(
            c.Account.ToString(),
            c.Priority,
            c.Weight,
            c.Limits == RouteLimits.None ? null : new RouteLimitsBody(c.Limits.MaxAmount, c.Limits.DailyAmount, c.Limits.DailyCount, c.Limits.PerSecond)))]);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
