namespace PayFunctions.Core.Reconciliation;

/// <summary>One channel account's statement day to reconcile.</summary>
/// <param name="Day">yyyy-MM-dd, in the reconciliation zone.</param>
public sealed record ReconciliationRunInput(string Channel, string Account, string Day);

/// <summary>What matching a statement day found: its counts, and the differences whose automatic step is still to run.</summary>
/// <param name="Lines">Statement lines read, every kind.</param>
/// <param name="Matched">Payment and refund lines that agreed with the platform on every fact.</param>
/// <param name="Differences">Differences found, by class code.</param>
/// <param name="ToResolve">The hashes of the day's differences still pending (new ones, and any a failed run left).</param>
public sealed record ReconciledStatement(long Lines, long Matched, IReadOnlyDictionary<string, int> Differences, IReadOnlyList<string> ToResolve);

/// <summary>How a run ended.</summary>
/// <param name="Status"><c>completed</c>, or <c>failed</c> when the statement could not be fetched or read.</param>
/// <param name="Error">Why it failed.</param>
public sealed record ReconciliationRunOutcome(ReconciliationRunInput Run, string Status, ReconciledStatement? Statement, int ResolveFailures, string? Error);

public static class ReconciliationRunStatuses
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
