using System.Text.Json;
using PayFunctions.Core.Http;
using PayFunctions.Domain.Aml;

namespace PayFunctions.Core.Aml;

/// <summary>How cases, detections and runs read in the operator API and in the report files.</summary>
public static class AmlResources
{
    public static CaseResource Case(AmlCaseEntity amlCase)
    {
        ArgumentNullException.ThrowIfNull(amlCase);
        var day = AmlIds.DayOfPartition(amlCase.PartitionKey);
        return new CaseResource(
            AmlIds.Case(day, amlCase.RowKey),
            "aml_case",
            amlCase.Day,
            amlCase.Livemode,
            amlCase.Status,
            amlCase.Pattern,
            new PartyResource(amlCase.PartyKind, amlCase.PartyId),
            amlCase.Amount is { } value && amlCase.Currency is { } currency ? new AmountResource(value, currency.ToLowerInvariant()) : null,
            JsonSerializer.Deserialize<string[]>(amlCase.TransactionsJson) ?? [],
            amlCase.TransactionCount,
            amlCase.Reason,
            amlCase.OpenedAt,
            amlCase.OpenedBy,
            amlCase.EscalatedAt,
            amlCase.EscalatedBy,
            amlCase.ClosedAt,
            amlCase.ClosedBy,
            Notes(amlCase));
    }

    public static IReadOnlyList<AmlCaseNote> Notes(AmlCaseEntity amlCase) =>
        JsonSerializer.Deserialize<AmlCaseNote[]>(amlCase?.NotesJson ?? "[]", ApiJson.Options) ?? [];

    public static DetectionResource Detection(AmlDetection detection)
    {
        ArgumentNullException.ThrowIfNull(detection);
        return new DetectionResource(
            detection.Id,
            AmlPatterns.Code(detection.Pattern),
            new PartyResource(detection.Party.KindCode, detection.Party.Id),
            new AmountResource(detection.Amount.MinorUnits, detection.Amount.Currency.Code.ToLowerInvariant()),
            detection.Transactions,
            detection.Reason);
    }

    public static RunResource Run(AmlRunEntity run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunResource(
            "aml_report_run", run.Day, run.RanAt, run.RanBy, JsonSerializer.Deserialize<Dictionary<string, AmlModeSummary>>(run.SummaryJson, ApiJson.Options) ?? []);
    }

    public sealed record PartyResource(string Kind, string Id);

    public sealed record AmountResource(long Value, string Currency);

    public sealed record DetectionResource(string Id, string Pattern, PartyResource Party, AmountResource Amount, IReadOnlyList<string> Transactions, string Reason);

    public sealed record CaseResource(
        string Id,
        string Object,
        string Day,
        bool Livemode,
        string Status,
        string Pattern,
        PartyResource Party,
        AmountResource? Amount,
        IReadOnlyList<string> Transactions,
        int TransactionCount,
        string Reason,
        DateTimeOffset OpenedAt,
        string OpenedBy,
        DateTimeOffset? EscalatedAt,
        string? EscalatedBy,
        DateTimeOffset? ClosedAt,
        string? ClosedBy,
        IReadOnlyList<AmlCaseNote> Notes);

    public sealed record RunResource(string Object, string Day, DateTimeOffset RanAt, string RanBy, IReadOnlyDictionary<string, AmlModeSummary> Modes);
}
