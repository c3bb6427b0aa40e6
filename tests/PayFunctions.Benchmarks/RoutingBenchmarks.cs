using BenchmarkDotNet.Attributes;
using PayFunctions.Domain;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Benchmarks;

/// <summary>
/// One routing decision: five candidates, three rules (the last one matches), fees and limits, under the balanced
/// objective, with account states built from <see cref="History"/> recorded outcomes each, to show that neither time
/// nor allocation grows with an account's history.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private const string Channel = "wechat_pay";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ChannelAccountId[] Accounts = [.. Enumerable.Range(1, 5).Select(i => new ChannelAccountId(Channel, "acct" + i))];

    private RoutingPolicy policy = null!;
    private RouteRequest request = null!;
    private IAccountStates states = null!;

    /// <summary>Outcomes recorded into each account's success estimate before the decision.</summary>
    [Params(10, 10_000, 1_000_000)]
    public int History { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var limits = new RouteLimits(5_000_000, 100_000_000, 10_000, 50);
        RouteCandidate[] candidates = [.. Accounts.Select((a, i) => new RouteCandidate(a, i < 3 ? 0 : 1, 1 + i, i % 2 == 0 ? limits : RouteLimits.None))];
        policy = new RoutingPolicy(
            RoutingObjective.Balanced,
            2,
            TimeSpan.FromHours(8),
            [
                new RoutingRule("large", new RouteCondition { MinAmount = 10_000_000 }, candidates[..2]),
                new RoutingRule("night", new RouteCondition { Between = new(new TimeOnly(23, 0), new TimeOnly(6, 0)), Countries = ["CN"] }, candidates[2..]),
                new RoutingRule("online", new RouteCondition { Methods = ["wechat_pay.native", "wechat_pay.jsapi"], Currencies = ["CNY"], Terminals = [TerminalType.Online] }, candidates),
            ],
            [.. Accounts.Select((a, i) => new AccountFee(a, i % 2 == 0 ? null : "wechat_pay.native", 30 + (10 * i), i))]);
        request = new RouteRequest("wechat_pay.native", Channel, new Money(12_345, Currency.Cny), "CN", "CN-GD", TerminalType.Online, Now, Accounts, 0.42);
        states = new FixedStates(Accounts.ToDictionary(a => a, a => State(a, History)));
    }

    [Benchmark(Description = "decide: 5 candidates, 3 rules, fees")]
    public RoutingDecision Decide() => Router.Decide(policy, request, states);

    /// <summary>An account after <paramref name="history"/> outcomes, one every 10 ms up to now, one in <c>1 + index</c> × 3 failing.</summary>
    private static AccountState State(ChannelAccountId account, int history)
    {
        var failEvery = 3 * (1 + Array.IndexOf(Accounts, account));
        var success = SuccessEstimate.Empty;
        for (var i = 0; i < history; i++)
        {
            success = success.Record(i % failEvery != 0, Now - TimeSpan.FromMilliseconds(10 * (history - i)));
        }

        return new AccountState(success, false, TimeSpan.FromMilliseconds(200), 1_000_000, 100, 2);
    }

    private sealed class FixedStates(Dictionary<ChannelAccountId, AccountState> states) : IAccountStates
    {
        public AccountState Get(ChannelAccountId account) => states.TryGetValue(account, out var state) ? state : AccountState.Unknown;
    }
}
