using System.Text.Json.Nodes;

namespace PayFunctions.RoutingSimulation;

/// <summary>
/// The four accounts at one channel, what each charges and what happens to each during the run. Times are fractions
/// of the run, so a shorter run plays the same story faster. Every strategy's accounts meet the same faults at the
/// same moments, each profile seeded alike.
/// </summary>
public static class Scenario
{
    /// <summary>Per attempt, for every strategy: the pipeline's timeout for ours, the client's for the others.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A spike longer than <see cref="AttemptTimeout"/>: the payer would have given up on the code.</summary>
    public const int SpikeMs = 2500;

    /// <summary>The account the channel caps per day; ours is told its cap as a candidate limit.</summary>
    public const string LimitedAccount = "c";

    /// <summary>The limited account's daily cap at the channel, as a share of the run's payments.</summary>
    public const double DailyLimitShare = 0.12;

    public static IReadOnlyList<SimulatedAccount> Accounts { get; } =
    [
        new("a", 38, "first configured; degrades to 30 % failures at 25 % of the run, until the end"),
        new("b", 38, "25 % of its calls spike to 2.5 s, beyond the 2 s attempt timeout, all run"),
        new("c", 30, "cheapest; the channel refuses it after its daily limit (12 % of the run's payments)"),
        new("d", 45, "dearest; outage from 45 % to 70 % of the run, then recovered"),
    ];

    public static IReadOnlyList<Phase> Phases { get; } =
    [
        new("1 healthy", 0, 0.25),
        new("2 a degraded", 0.25, 0.45),
        new("3 d outage", 0.45, 0.70),
        new("4 d recovered", 0.70, 1.0),
    ];

    public static int DailyLimit(SimulationOptions options) => (int)Math.Round(options.PaymentCount * DailyLimitShare);

    /// <summary>Every change of an account's faults, in time order; the first four set each account's faults at the start.</summary>
    public static IReadOnlyList<FaultChange> Changes(SimulationOptions options)
    {
        JsonObject Seeded(string letter, JsonObject settings)
        {
            settings["seed"] = (options.Seed * 31) + letter[0];
            return settings;
        }

        return
        [
            new(0, "a", Seeded("a", new JsonObject())),
            new(0, "b", Seeded("b", new JsonObject { ["spike_rate"] = 0.25, ["spike_ms"] = SpikeMs })),
            new(0, LimitedAccount, Seeded(LimitedAccount, new JsonObject { ["limit_count"] = DailyLimit(options) })),
            new(0, "d", Seeded("d", new JsonObject())),
            new(0.25, "a", Seeded("a", new JsonObject { ["failure_rate"] = 0.3 })),
            new(0.45, "d", Seeded("d", new JsonObject { ["outage"] = true })),
            new(0.70, "d", Seeded("d", new JsonObject())),
        ];
    }

    public static int PhaseOf(double fraction) =>
        Math.Max(0, Phases.ToList().FindLastIndex(phase => fraction >= phase.From));
}

/// <summary>One of the four accounts: its letter, its fee in basis points of the amount, and what happens to it.</summary>
public sealed record SimulatedAccount(string Letter, int FeeBasisPoints, string Story);

/// <summary>A stretch of the run, from and to fractions of it.</summary>
public sealed record Phase(string Name, double From, double To);

/// <summary>At <paramref name="At"/> (a fraction of the run) the account's fault profile becomes <paramref name="Settings"/>.</summary>
public sealed record FaultChange(double At, string Letter, JsonObject Settings);
