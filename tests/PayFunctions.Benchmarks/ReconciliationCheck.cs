using System.Diagnostics;
using PayFunctions.Domain.Reconciliation;
using PayFunctions.Domain.Tests.Reconciliation;

namespace PayFunctions.Benchmarks;

/// <summary>
/// Before timing, reconciles the generated day once and prints whether every injected difference was found with its class
/// and resolution and nothing else was reported, and how the live managed heap grows while the statement streams through:
/// measured after full collections at each quarter of the lines, so it shows what the matcher keeps, not what it passes by.
/// </summary>
internal static class ReconciliationCheck
{
    /// <summary>Prints the check; returns false when a difference was missed, misclassified or invented.</summary>
    public static bool Run(int records)
    {
        var clock = Stopwatch.StartNew();
        var day = new StatementDayGenerator(records, ReconciliationBenchmarks.PerClass, ReconciliationBenchmarks.Seed);
        var total = day.Statement().LongCount();
        Console.WriteLine(
            $"Generated {records:N0} records (seed {ReconciliationBenchmarks.Seed}, {ReconciliationBenchmarks.PerClass} injected per class) in {clock.Elapsed.TotalSeconds:F1} s: " +
            $"{total:N0} statement lines, {day.Payments.Count:N0} platform payments, {day.Refunds.Count:N0} platform refunds.");

        var before = GC.GetTotalMemory(true);
        var matcher = new StatementMatcher(StatementDayGenerator.Day, day.Payments, day.Refunds);
        var indexed = GC.GetTotalMemory(true);
        Console.WriteLine($"Live heap: {Mb(before)} with the generated platform records, {Mb(indexed)} once indexed.");

        long lines = 0;
        foreach (var line in day.Statement())
        {
            matcher.Add(line);
            if (++lines % (total / 4) == 0)
            {
                Console.WriteLine($"Live heap after {lines:N0} of {total:N0} lines: {Mb(GC.GetTotalMemory(true))}.");
            }
        }

        var result = matcher.Complete();
        var found = result.Differences.Select(d => (d.Class, d.Kind, d.Reference, d.Resolution)).ToList();
        var truth = day.Truth.Select(t => (t.Class, t.Kind, t.Reference, t.Resolution)).ToList();
        var missed = truth.Except(found).Count();
        var invented = found.Except(truth).Count();
        Console.WriteLine($"Injected {truth.Count}, reported {found.Count}: {truth.Count - missed} found with class and resolution, {missed} missed or misclassified, {invented} false positives.");
        Console.WriteLine($"Peak working set of the process: {Mb(Environment.WorkingSet)} now, {Mb(Process.GetCurrentProcess().PeakWorkingSet64)} at most.");
        Console.WriteLine();
        return missed == 0 && invented == 0 && found.Count == truth.Count;
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";
}
