using System.Collections.Concurrent;
using System.Diagnostics;
using PayFunctions.RoutingSimulation.Strategies;

namespace PayFunctions.RoutingSimulation;

/// <summary>
/// Open loop: each payment of the stream is sent at its time to every strategy at once, whatever is still in flight,
/// while the scenario's fault changes are applied to every strategy's accounts at their times.
/// </summary>
public sealed class SimulationRun(SimulationOptions options, IReadOnlyList<IStrategy> strategies, FaultControl faults)
{
    private readonly ConcurrentQueue<PaymentRecord> records = new();

    public async Task<IReadOnlyList<PaymentRecord>> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var names = strategies.Select(s => s.Name).ToList();
        var changes = Scenario.Changes(options);
        foreach (var change in changes.Where(c => c.At == 0))
        {
            await faults.ApplyAsync(change, names, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var timeline = Task.Run(
            async () =>
            {
                foreach (var change in changes.Where(c => c.At > 0))
                {
                    await DelayUntilAsync(started, options.Duration * change.At, cancellationToken);
                    await faults.ApplyAsync(change, names, cancellationToken);
                    progress($"{Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.0} s  account {change.Letter}: {change.Settings.ToJsonString()}");
                }
            },
            cancellationToken);

        var inFlight = new List<Task>();
        foreach (var payment in PaymentStream.Plan(options))
        {
            await DelayUntilAsync(started, payment.At, cancellationToken);
            inFlight.AddRange(strategies.Select(strategy => PlaceAsync(strategy, payment, cancellationToken)));
            if (payment.Index % (int)Math.Ceiling(options.Rate * 10) == 0)
            {
                progress($"{Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.0} s  payment {payment.Index} of {options.PaymentCount}, {records.Count} outcomes in");
            }
        }

        await Task.WhenAll(inFlight);
        await timeline;
        return [.. records];
    }

    private async Task PlaceAsync(IStrategy strategy, PlannedPayment payment, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        var outcome = await strategy.PlaceAsync(payment, cancellationToken);
        records.Enqueue(new PaymentRecord(
            strategy.Name, payment, Scenario.PhaseOf(payment.Fraction(options.Duration)), outcome, Stopwatch.GetElapsedTime(sent).TotalMilliseconds));
    }

    private static async Task DelayUntilAsync(long started, TimeSpan at, CancellationToken cancellationToken)
    {
        var wait = at - Stopwatch.GetElapsedTime(started);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}

/// <summary>One strategy's handling of one payment: its phase, its outcome and how long the create took.</summary>
public sealed record PaymentRecord(string Strategy, PlannedPayment Payment, int Phase, PaymentOutcome Outcome, double LatencyMs);
