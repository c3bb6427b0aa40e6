namespace PayFunctions.RoutingSimulation.Strategies;

/// <summary>Every payment to the first enabled account, no failover: how a gateway with one default account routes.</summary>
public sealed class StaticStrategy(AccountOrders orders, IReadOnlyList<string> accounts) : IStrategy
{
    public string Name => "static";

    public async Task<PaymentOutcome> PlaceAsync(PlannedPayment payment, CancellationToken cancellationToken)
    {
        var result = await orders.TryOnceAsync(accounts[0], payment, Scenario.AttemptTimeout, cancellationToken);
        return new PaymentOutcome(result == CallResults.Placed ? accounts[0] : null, [new CallRecord(accounts[0], result)]);
    }
}
