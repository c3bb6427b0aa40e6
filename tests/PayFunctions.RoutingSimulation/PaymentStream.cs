namespace PayFunctions.RoutingSimulation;

/// <summary>One payment of the stream: when it is sent, its amount in minor units, and its fixed draw for weighted splits.</summary>
public sealed record PlannedPayment(int Index, TimeSpan At, long Amount, double Draw)
{
    public double Fraction(TimeSpan duration) => At / duration;
}

/// <summary>The stream every strategy receives: evenly spaced, amounts from 10 to 300 (log-uniform), all from the seed.</summary>
public static class PaymentStream
{
    private const double MinAmount = 10_00;
    private const double MaxAmount = 300_00;

    public static IReadOnlyList<PlannedPayment> Plan(SimulationOptions options)
    {
        var random = new Random(options.Seed);
        var spacing = TimeSpan.FromSeconds(1 / options.Rate);
        return [.. Enumerable.Range(0, options.PaymentCount).Select(i => new PlannedPayment(
            i,
            spacing * i,
            (long)Math.Round(MinAmount * Math.Pow(MaxAmount / MinAmount, random.NextDouble())),
            random.NextDouble()))];
    }
}
