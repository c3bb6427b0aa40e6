namespace PayFunctions.RoutingSimulation.Strategies;

/// <summary>Each payment to the next account in turn, whatever its health, no failover.</summary>
public sealed class RoundRobinStrategy(AccountOrders orders, IReadOnlyList<string> accounts) : IStrategy
{
    public string Name => "round-robin";

    public async Task<PaymentOutcome> PlaceAsync(PlannedPayment payment, CancellationToken cancellationToken)
    {
        var account = AccountFor(payment.Index, accounts);
        var result = await orders.TryOnceAsync(account, payment, Scenario.AttemptTimeout, cancellationToken);
        return new PaymentOutcome(result == CallResults.Placed ? account : null, [new CallRecord(account, result)]);
    }

    /// <summary>The stream's payments are numbered in order, so the turn is the payment's number.</summary>
    public static string AccountFor(int index, IReadOnlyList<string> accounts) => accounts[index % accounts.Count];
}
