using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Routing;
using PayFunctions.Domain;
using PayFunctions.Domain.Routing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PayFunctions.RoutingSimulation.Strategies;

/// <summary>
/// The platform's routing: <see cref="Router.Decide"/> on live health (every attempt recorded by the per-account
/// pipelines: timeout, retries of transient failures, circuit breaker) and on what it has placed at each account
/// today, then failover down the decision's order until an account places the order.
/// </summary>
public sealed class OursStrategy(
    AccountOrders orders,
    ChannelAccountPipelines pipelines,
    IAccountStates states,
    RoutedToday routed,
    RoutingPolicy policy,
    IReadOnlyList<ChannelAccountId> configured,
    string method,
    Currency currency,
    int triesPerAccount,
    TimeProvider time) : IStrategy
{
    public string Name => "ours";

    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<ChannelHealth>();
        services.AddSingleton<ChannelAccountPipelines>();
        services.AddOptions<ChannelResilienceOptions>().Configure(o => o.AttemptTimeout = Scenario.AttemptTimeout);
    }

    public static OursStrategy Create(IServiceProvider platform, AccountOrders orders, IReadOnlyList<string> accounts, SimulationOptions options, string method, Currency currency)
    {
        var pipelines = platform.GetRequiredService<ChannelAccountPipelines>();
        var routed = new RoutedToday();
        var ids = accounts.Select(a => new ChannelAccountId(orders.Channel, a)).ToList();
        var states = new LiveAccountStates(platform.GetRequiredService<ChannelHealth>(), pipelines, routed);
        var tries = platform.GetRequiredService<IOptions<ChannelResilienceOptions>>().Value.MaxRetries + 1;
        return new OursStrategy(
            orders, pipelines, states, routed, Policy(ids, method, Scenario.DailyLimit(options), options.CostWeight), ids, method, currency, tries, TimeProvider.System);
    }

    /// <summary>
    /// One rule with the four accounts at one priority and weight, the limited one carrying its daily cap, each
    /// account's fee, and the Balanced objective at <paramref name="costWeight"/>.
    /// </summary>
    public static RoutingPolicy Policy(IReadOnlyList<ChannelAccountId> accounts, string method, int dailyLimit, double costWeight)
    {
        var candidates = accounts.Select((account, i) => new RouteCandidate(
            account, 0, 1, Scenario.Accounts[i].Letter == Scenario.LimitedAccount ? new RouteLimits(null, null, dailyLimit, null) : RouteLimits.None));
        var fees = accounts.Select((account, i) => new AccountFee(account, null, Scenario.Accounts[i].FeeBasisPoints, 0));
        return new RoutingPolicy(
            RoutingObjective.Balanced,
            costWeight,
            TimeSpan.FromHours(8),
            [new RoutingRule("every-account", new RouteCondition { Methods = [method] }, [.. candidates])],
            [.. fees]);
    }

    public async Task<PaymentOutcome> PlaceAsync(PlannedPayment payment, CancellationToken cancellationToken)
    {
        var amount = new Money(payment.Amount, currency);
        var decision = Router.Decide(
            policy,
            new RouteRequest(method, orders.Channel, amount, null, null, TerminalType.Online, time.GetUtcNow(), configured, payment.Draw)
            {
                TriesPerAccount = triesPerAccount,
            },
            states);
        var calls = new List<CallRecord>();
        foreach (var account in decision.Order)
        {
            try
            {
                await pipelines.ExecuteAsync(account, "prepay", ct => AttemptAsync(account, payment, calls, ct), cancellationToken);
                routed.Record(account, payment.Amount);
                return new PaymentOutcome(account.Account, calls);
            }
            catch (BrokenCircuitException)
            {
                calls.Add(new CallRecord(account.Account, CallResults.CircuitOpen));
            }
            catch (Exception e) when (e is ChannelException or TimeoutRejectedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Recorded by the attempt; the next account in the decision's order is tried.
            }
        }

        return new PaymentOutcome(null, calls);
    }

    /// <summary>One attempt inside the account's pipeline, recorded as the report counts it; attempts of a payment run one after another.</summary>
    private async ValueTask<bool> AttemptAsync(ChannelAccountId account, PlannedPayment payment, List<CallRecord> calls, CancellationToken cancellationToken)
    {
        try
        {
            await orders.PlaceAsync(account.Account, payment, cancellationToken);
            calls.Add(new CallRecord(account.Account, CallResults.Placed));
            return true;
        }
        catch (ChannelException e)
        {
            calls.Add(new CallRecord(account.Account, e.IsTransient ? CallResults.Transient : CallResults.Refused));
            throw;
        }
        catch (OperationCanceledException)
        {
            calls.Add(new CallRecord(account.Account, CallResults.TimedOut));
            throw;
        }
    }
}
