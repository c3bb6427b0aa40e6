using System.Collections.Concurrent;
using PayFunctions.Domain.Routing;

namespace PayFunctions.RoutingSimulation.Strategies;

/// <summary>What ours has placed at each account today (the run is one day): what a daily limit is checked against.</summary>
public sealed class RoutedToday
{
    private readonly ConcurrentDictionary<ChannelAccountId, (int Count, long Amount)> placed = new();

    public void Record(ChannelAccountId account, long amount) =>
        placed.AddOrUpdate(account, (1, amount), (_, day) => (day.Count + 1, day.Amount + amount));

    public (int Count, long Amount) Get(ChannelAccountId account) => placed.GetValueOrDefault(account);
}

/// <summary>The facts ours decides on: each account's live health and open circuit, and what it placed there today.</summary>
public sealed class LiveAccountStates(PayFunctions.Core.Routing.ChannelHealth health, PayFunctions.Core.Routing.ChannelAccountPipelines pipelines, RoutedToday routed)
    : IAccountStates
{
    public AccountState Get(ChannelAccountId account)
    {
        var now = health.Get(account);
        var (count, amount) = routed.Get(account);
        return new AccountState(now.Success, now.CircuitOpen || pipelines.IsCircuitOpen(account), now.LatencyP95, amount, count, 0);
    }
}
