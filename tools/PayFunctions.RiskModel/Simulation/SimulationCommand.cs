using System.Diagnostics;
using System.Globalization;
using PayFunctions.CommandLine;
using PayFunctions.Core.Risk.Model;
using PayFunctions.RiskModel.Generation;

namespace PayFunctions.RiskModel.Simulation;

/// <summary>
/// <c>dotnet run --project tools/PayFunctions.RiskModel -c Release -- simulate [--payments N] [--seed S]</c>: generates a
/// stream the shipped model never saw, decides every payment with the rules alone, the score alone and both, and runs
/// one of its days, with laundering injected, through the anti-money-laundering monitor; prints both as tables.
/// </summary>
public static class SimulationCommand
{
    public const int Done = 0;
    public const int Unusable = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        int payments, seed;
        try
        {
            var arguments = new OptionArguments([.. args], "--payments", "--seed");
            payments = arguments.WholeNumber("--payments", 100_000, 1_000, 2_000_000);
            seed = arguments.WholeNumber("--seed", 7, 0, int.MaxValue);
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return Unusable;
        }

        var clock = Stopwatch.StartNew();
        var settings = new GeneratorSettings { Payments = payments };
        var stream = PaymentStreamGenerator.Generate(settings, seed);
        var approaches = RiskSimulation.Run(stream, new LearnedRiskScorer());
        output.WriteLine(Invariant($"{stream.Count} payments (seed {seed}) decided three ways in {clock.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine();
        output.WriteLine("| approach | fraud detected (review or block) | fraud blocked | legitimate flagged (false positives) | legitimate blocked |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var a in approaches)
        {
            output.WriteLine(Invariant($"| {a.Approach} | {a.DetectionRate:P1} of {a.FraudPayments} | {a.FraudBlockedRate:P1} | {a.FalsePositiveRate:P2} of {a.LegitimatePayments} | {a.LegitimateBlockedRate:P2} |"));
        }

        output.WriteLine();
        output.WriteLine("| pattern | payments | " + string.Join(" | ", approaches.Select(a => a.Approach + " (flagged / blocked)")) + " |");
        output.WriteLine("| --- | ---: |" + string.Concat(approaches.Select(_ => " ---: |")));
        foreach (var pattern in approaches[0].ByPattern.Select(p => p.Pattern))
        {
            var rows = approaches.Select(a => a.ByPattern.Single(p => p.Pattern == pattern)).ToList();
            output.WriteLine(Invariant($"| {pattern} | {rows[0].Payments} | ") + string.Join(" | ", rows.Select(r => Invariant($"{r.Flagged:P1} / {r.Blocked:P1}"))) + " |");
        }

        var day = DateOnly.FromDateTime(settings.Start.AddDays(settings.Days / 2).DateTime);
        var laundering = LaunderingDay.Run(stream, day, seed);
        output.WriteLine();
        output.WriteLine(Invariant($"anti-money-laundering on {day:yyyy-MM-dd}: {laundering.BackgroundPayments} payments of the stream and {laundering.InjectedPayments} injected"));
        output.WriteLine();
        output.WriteLine("| pattern | cases injected | found | findings no injected case explains |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var p in laundering.ByPattern)
        {
            output.WriteLine(Invariant($"| {AmlPatternName(p.Pattern)} | {p.Injected} | {p.Found} | {p.Unexplained} |"));
        }

        return Done;
    }

    private static string AmlPatternName(Domain.Aml.AmlPattern pattern) => Domain.Aml.AmlPatterns.Code(pattern);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
