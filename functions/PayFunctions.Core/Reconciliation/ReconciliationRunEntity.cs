using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Reconciliation;

/// <summary>How the latest reconciliation of one channel account's statement day ended, rewritten by each run.</summary>
public sealed class ReconciliationRunEntity : TableRow
{
    public string Channel { get; set; } = "";

    public string Account { get; set; } = "";

    /// <summary>yyyy-MM-dd.</summary>
    public string Day { get; set; } = "";

    /// <summary>One of <see cref="ReconciliationRunStatuses"/>.</summary>
    public string Status { get; set; } = ReconciliationRunStatuses.Running;

    public long Lines { get; set; }

    public long Matched { get; set; }

    /// <summary>The differences found, by class code, as JSON.</summary>
    public string DifferencesJson { get; set; } = "{}";

    /// <summary>The day's differences by status, as JSON.</summary>
    public string StatusesJson { get; set; } = "{}";

    /// <summary>Differences whose automatic step failed this time; the next run tries again.</summary>
    public int ResolveFailures { get; set; }

    public string? Error { get; set; }

    /// <summary>The report's blob in <see cref="TableNames.ReconciliationReportContainer"/>.</summary>
    public string? Report { get; set; }

    public DateTimeOffset CompletedAt { get; set; }
}
