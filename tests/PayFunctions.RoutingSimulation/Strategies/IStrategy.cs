namespace PayFunctions.RoutingSimulation.Strategies;

/// <summary>A way of choosing the account that places a payment, given the strategy's own four accounts.</summary>
public interface IStrategy
{
    /// <summary>The strategy's name, also the prefix of its accounts and fault profiles.</summary>
    string Name { get; }

    /// <summary>Places one payment; never throws for a channel's failure, which is an outcome.</summary>
    Task<PaymentOutcome> PlaceAsync(PlannedPayment payment, CancellationToken cancellationToken);
}

/// <summary>How one payment ended: the account that placed it (null when none did), and every channel call made for it.</summary>
public sealed record PaymentOutcome(string? PlacedBy, IReadOnlyList<CallRecord> Calls);

/// <summary>One call to an account and how it ended (one of <see cref="CallResults"/>).</summary>
public sealed record CallRecord(string Account, string Result);

/// <summary>How a channel call ends, as the report counts them.</summary>
public static class CallResults
{
    public const string Placed = "placed";
    public const string Transient = "transient";
    public const string Refused = "refused";
    public const string TimedOut = "timed_out";
    public const string CircuitOpen = "circuit_open";
}
