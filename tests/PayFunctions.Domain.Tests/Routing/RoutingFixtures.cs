using PayFunctions.Domain.Routing;

namespace PayFunctions.Domain.Tests.Routing;

/// <summary>Accounts, requests and states the routing tests build on.</summary>
internal static class RoutingFixtures
{
    public const string Channel = "wechat_pay";
    public const string Method = "wechat_pay.native";

    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    public static readonly ChannelAccountId A = new(Channel, "a");
    public static readonly ChannelAccountId B = new(Channel, "b");
    public static readonly ChannelAccountId C = new(Channel, "c");
    public static readonly ChannelAccountId Elsewhere = new("alipay", "main");

    public static RouteRequest Request(
        long amount = 10_000,
        string currency = "CNY",
        string? country = "CN",
        string? region = "CN-GD",
        TerminalType terminal = TerminalType.Online,
        DateTimeOffset? at = null,
        double draw = 0,
        string method = Method,
        IReadOnlyList<ChannelAccountId>? configured = null) =>
        new(method, Channel, new Money(amount, Currency.Parse(currency)), country, region, terminal, at ?? Noon, configured ?? [A, B, C], draw);

    public static RoutingPolicy Policy(RoutingObjective objective = RoutingObjective.Success, double costWeight = 0, IReadOnlyList<AccountFee>? fees = null, params RoutingRule[] rules) =>
        new(objective, costWeight, TimeSpan.Zero, rules, fees ?? []);

    public static RoutingRule Rule(string name, RouteCondition when, params RouteCandidate[] candidates) => new(name, when, candidates);

    public static RoutingRule Rule(string name, params RouteCandidate[] candidates) => new(name, new RouteCondition(), candidates);

    public static RouteCandidate Candidate(ChannelAccountId account, int priority = 0, int weight = 1, RouteLimits? limits = null) =>
        new(account, priority, weight, limits ?? RouteLimits.None);

    /// <summary>An estimate built from <paramref name="successes"/> and <paramref name="failures"/> all recorded at <paramref name="at"/>.</summary>
    public static SuccessEstimate Outcomes(int successes, int failures, DateTimeOffset at)
    {
        var estimate = SuccessEstimate.Empty;
        for (var i = 0; i < successes; i++)
        {
            estimate = estimate.Record(true, at);
        }

        for (var i = 0; i < failures; i++)
        {
            estimate = estimate.Record(false, at);
        }

        return estimate;
    }

    public static AccountState Healthy(DateTimeOffset? at = null) => AccountState.Unknown with { Success = Outcomes(200, 2, at ?? Noon) };

    public static AccountState Degraded(DateTimeOffset? at = null) => AccountState.Unknown with { Success = Outcomes(40, 60, at ?? Noon) };
}

/// <summary>Account states from a dictionary; unknown accounts are <see cref="AccountState.Unknown"/>.</summary>
internal sealed class States(Dictionary<ChannelAccountId, AccountState>? states = null) : IAccountStates
{
    private readonly Dictionary<ChannelAccountId, AccountState> states = states ?? [];

    public AccountState this[ChannelAccountId account]
    {
        set => states[account] = value;
    }

    public AccountState Get(ChannelAccountId account) => states.TryGetValue(account, out var state) ? state : AccountState.Unknown;
}
