using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Aml;

/// <summary>The latest run of a report day: when, by whom, and what each mode's files hold. Rewritten by every run.</summary>
public sealed class AmlRunEntity : TableRow
{
    /// <summary>The report day, yyyy-MM-dd.</summary>
    public string Day { get; set; } = "";

    public DateTimeOffset RanAt { get; set; }

    /// <summary><c>system</c> for the daily run, else the operator.</summary>
    public string RanBy { get; set; } = "";

    /// <summary>The summary of each mode (<c>live</c>, <c>test</c>), as JSON of <see cref="AmlModeSummary"/>.</summary>
    public string SummaryJson { get; set; } = "{}";
}

/// <summary>What one mode's run read, found and wrote.</summary>
/// <param name="Payments">Succeeded payments of the day.</param>
/// <param name="Payouts">Payouts read for rapid in-and-out.</param>
/// <param name="LargeValue">Large-value detections, all in the large-value file.</param>
/// <param name="Suspicious">Suspicious detections of this run.</param>
/// <param name="CasesOpened">Cases this run opened (a re-run opens none).</param>
/// <param name="Cases">Cases of the day in the suspicious file, by status.</param>
/// <param name="Unmeasured">Payments in a currency no reference rate converts to US dollars.</param>
/// <param name="Files">The files' names in the report container.</param>
public sealed record AmlModeSummary(
    int Payments, int Payouts, int LargeValue, int Suspicious, int CasesOpened, IReadOnlyDictionary<string, int> Cases, int Unmeasured, IReadOnlyDictionary<string, string> Files);
