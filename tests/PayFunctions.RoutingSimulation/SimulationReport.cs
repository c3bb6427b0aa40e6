using System.Globalization;
using System.Text;
using System.Text.Json;
using PayFunctions.RoutingSimulation.Strategies;

namespace PayFunctions.RoutingSimulation;

/// <summary>
/// What each strategy achieved. Success: the order was placed at some account. Cost: the account's fee on each placed
/// payment (a failed call costs nothing), per payment and as a rate of the amount placed. Latency: the whole create as
/// the payer waits for it, failovers and retries included, over every payment, placed or not.
/// </summary>
public sealed record StrategyResult(
    string Strategy,
    int Payments,
    int Placed,
    double SuccessRate,
    double AverageFee,
    double FeeRateBasisPoints,
    double P50Ms,
    double P95Ms,
    int Calls,
    IReadOnlyDictionary<string, int> CallResults,
    IReadOnlyList<PhaseResult> Phases)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static IReadOnlyList<StrategyResult> From(IReadOnlyList<PaymentRecord> records, IReadOnlyList<string> strategies)
    {
        var fees = Scenario.Accounts.ToDictionary(a => a.Letter, a => a.FeeBasisPoints);
        return [.. strategies.Select(strategy =>
        {
            var mine = records.Where(r => r.Strategy == strategy).ToList();
            var placed = mine.Where(r => r.Outcome.PlacedBy is not null).ToList();
            var fee = placed.Sum(r => Fee(r, fees));
            var calls = mine.SelectMany(r => r.Outcome.Calls).ToList();
            var latencies = mine.Select(r => r.LatencyMs).Order().ToArray();
            return new StrategyResult(
                strategy,
                mine.Count,
                placed.Count,
                Ratio(placed.Count, mine.Count),
                placed.Count == 0 ? 0 : fee / placed.Count / 100,
                placed.Count == 0 ? 0 : fee * 10_000 / placed.Sum(r => r.Payment.Amount),
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.95),
                calls.Count,
                calls.GroupBy(c => c.Result).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
                [.. Scenario.Phases.Select((phase, index) => PhaseResult.From(phase, mine.Where(r => r.Phase == index).ToList()))]);
        })];
    }

    public static string ToJson(IReadOnlyList<StrategyResult> results) => JsonSerializer.Serialize(results, Json);

    public static string ToMarkdown(IReadOnlyList<StrategyResult> results, IReadOnlyDictionary<string, ChannelSideCounts> channelSide)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| Strategy | Payments | Placed | Success rate | Average fee per placed payment | Fee rate | p50 create | p95 create | Channel calls |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            text.AppendLine(c, $"| {r.Strategy} | {r.Payments} | {r.Placed} | {r.SuccessRate:P1} | {r.AverageFee:0.0000} CNY | {r.FeeRateBasisPoints / 100:0.000} % | {r.P50Ms:0} ms | {r.P95Ms:0} ms | {r.Calls} |");
        }

        text.AppendLine();
        PhaseHeader(text, "Success rate per phase:");
        foreach (var r in results)
        {
            text.AppendLine(c, $"| {r.Strategy} | {string.Join(" | ", r.Phases.Select(p => p.SuccessRate.ToString("P1", c)))} |");
        }

        text.AppendLine();
        PhaseHeader(text, "Share of each strategy's channel calls per account (a / b / c / d), per phase:");
        foreach (var r in results)
        {
            text.AppendLine(c, $"| {r.Strategy} | {string.Join(" | ", r.Phases.Select(p => string.Join(" / ", Scenario.Accounts.Select(a => p.CallShares.GetValueOrDefault(a.Letter).ToString("P0", c)))))} |");
        }

        text.AppendLine();
        text.AppendLine("How calls ended, and what the sandbox counted per account (calls / injected failures / spikes / refused past the limit):");
        text.AppendLine();
        text.AppendLine("| Strategy | " + string.Join(" | ", [.. typeof(CallResults).GetFields().Select(f => (string)f.GetValue(null)!), .. Scenario.Accounts.Select(a => "account " + a.Letter)]) + " |");
        text.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", typeof(CallResults).GetFields().Length + Scenario.Accounts.Count)));
        foreach (var r in results)
        {
            var outcomes = typeof(CallResults).GetFields().Select(f => r.CallResults.GetValueOrDefault((string)f.GetValue(null)!).ToString(c));
            var counts = Scenario.Accounts.Select(a => channelSide[FaultControl.Profile(r.Strategy, a.Letter)])
                .Select(s => $"{s.Requests} / {s.Failures} / {s.Spikes} / {s.Limited}");
            text.AppendLine(c, $"| {r.Strategy} | {string.Join(" | ", outcomes.Concat(counts))} |");
        }

        return text.ToString();
    }

    private static void PhaseHeader(StringBuilder text, string title)
    {
        text.AppendLine(title);
        text.AppendLine();
        text.AppendLine("| Strategy | " + string.Join(" | ", Scenario.Phases.Select(p => p.Name)) + " |");
        text.AppendLine("| --- |" + string.Concat(Scenario.Phases.Select(_ => " ---: |")));
    }

    private static double Fee(PaymentRecord record, Dictionary<string, int> fees) =>
        record.Payment.Amount * fees[record.Outcome.PlacedBy![^1..]] / 10_000.0;

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max((int)Math.Ceiling(share * sorted.Length), 1) - 1];
}

/// <summary>One phase of one strategy: its success rate, and which accounts its calls went to.</summary>
public sealed record PhaseResult(string Phase, int Payments, double SuccessRate, IReadOnlyDictionary<string, double> CallShares)
{
    public static PhaseResult From(Phase phase, IReadOnlyList<PaymentRecord> records)
    {
        var calls = records.SelectMany(r => r.Outcome.Calls).ToList();
        return new PhaseResult(
            phase.Name,
            records.Count,
            records.Count == 0 ? 0 : (double)records.Count(r => r.Outcome.PlacedBy is not null) / records.Count,
            calls.GroupBy(call => call.Account[^1..]).ToDictionary(g => g.Key, g => calls.Count == 0 ? 0 : (double)g.Count() / calls.Count));
    }
}
