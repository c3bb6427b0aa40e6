using System.Globalization;
using System.Text.Json;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Reconciliation;

/// <summary>How runs and differences read in the operator API and in the report files.</summary>
public static class ReconciliationResources
{
    public static RunResource Run(ReconciliationRunEntity run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var day = DateOnly.ParseExact(run.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var id = ReconciliationIds.Run(run.Channel, run.Account, day);
        return new RunResource(
            id,
            "reconciliation_run",
            run.Channel,
            run.Account,
            run.Day,
            run.Status,
            run.Lines,
            run.Matched,
            JsonSerializer.Deserialize<Dictionary<string, int>>(run.DifferencesJson, ApiJson.Options) ?? [],
            JsonSerializer.Deserialize<Dictionary<string, int>>(run.StatusesJson, ApiJson.Options) ?? [],
            run.ResolveFailures,
            run.Error,
            run.Report is null ? null : $"/api/ops/reconciliation/runs/{id}/report",
            run.CompletedAt);
    }

    public static ExceptionResource Exception(ReconciliationDifferenceEntity difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var day = DateOnly.ParseExact(difference.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExceptionResource(
            ReconciliationIds.Difference(day, difference.RowKey),
            "reconciliation_exception",
            ReconciliationIds.Run(difference.Channel, difference.Account, day),
            difference.Channel,
            difference.Account,
            difference.Day,
            difference.Class,
            difference.Kind,
            difference.Reference,
            difference.Occurrence,
            difference.Status,
            ProposedCode(difference.Proposed),
            difference.Outcome,
            difference.Note,
            difference.ResolvedBy,
            difference.ResolvedAt,
            difference.FoundAt,
            ResolveDifferenceActivity.StatementOf(difference),
            ResolveDifferenceActivity.PlatformOf(difference),
            difference.EarlierChannelReference);
    }

    /// <summary>A day's report: the run and every difference as it stands, ordered by class and reference.</summary>
    public static ReportResource Report(ReconciliationRunEntity run, IEnumerable<ReconciliationDifferenceEntity> differences) =>
        new("reconciliation_report", Run(run), [.. differences.Select(Exception).OrderBy(d => d.Class, StringComparer.Ordinal).ThenBy(d => d.Reference, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)]);

    /// <summary>The proposal's snake_case code, e.g. <c>book_late_success</c>.</summary>
    private static string ProposedCode(string proposed) =>
        string.Concat(proposed.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    public sealed record RunResource(
        string Id,
        string Object,
        string Channel,
        string Account,
        string Day,
        string Status,
        long Lines,
        long Matched,
        IReadOnlyDictionary<string, int> Differences,
        IReadOnlyDictionary<string, int> Statuses,
        int ResolveFailures,
        string? Error,
        string? Report,
        DateTimeOffset CompletedAt);

    public sealed record ExceptionResource(
        string Id,
        string Object,
        string Run,
        string Channel,
        string Account,
        string Day,
        string Class,
        string Kind,
        string Reference,
        int Occurrence,
        string Status,
        string ProposedResolution,
        string? Outcome,
        string? Note,
        string? ResolvedBy,
        DateTimeOffset? ResolvedAt,
        DateTimeOffset FoundAt,
        StatementFacts? Statement,
        PlatformFacts? Platform,
        string? EarlierChannelReference);

    public sealed record ReportResource(string Object, RunResource Run, IReadOnlyList<ExceptionResource> Differences);
}
