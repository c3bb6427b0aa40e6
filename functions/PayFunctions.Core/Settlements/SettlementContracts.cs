using System.Globalization;

namespace PayFunctions.Core.Settlements;

/// <summary>Settle everything posted before the start of <paramref name="SettlementDate"/> (yyyy-MM-dd) in the settlement time zone.</summary>
public sealed record SettlementInput(string SettlementDate);

/// <summary>
/// One account and currency a day's batch must consider; the amount is worked out when it is recorded. An account whose
/// payouts a sanctions screening hit holds (<paramref name="PayoutsHeld"/>) is reported, not paid: what it is owed stays
/// on the ledger for the first batch after the hit is dismissed.
/// </summary>
public sealed record SettlementPlanItem(string SettlementId, string AccountId, string Currency, string SettlementDate, DateTimeOffset CutoffUtc, bool PayoutsHeld = false);

/// <summary>What recording one plan item did: <see cref="SettlementRecordResults"/>, and the amount settled.</summary>
public sealed record SettlementRecordResult(string Result, long Amount);

/// <summary>An account whose settlement failed after its retries; the rest of the day went on without it.</summary>
public sealed record SettlementFailure(string AccountId, string Currency, string Error);

/// <summary>An account the day's batch did not pay because its payouts are held.</summary>
public sealed record SettlementHeld(string AccountId, string Currency);

/// <summary>
/// How one run of one day ended; <paramref name="Status"/> is one of <see cref="SettlementDayStatus"/>. Held accounts
/// are not failures: the day completes without them. <paramref name="Held"/> is null in the results of runs recorded
/// before payouts could be held.
/// </summary>
public sealed record SettlementDayResult(
    string SettlementDate, string Status, int Accounts, int Recorded, IReadOnlyList<SettlementFailure> Failed, IReadOnlyList<SettlementHeld>? Held = null);

/// <summary>The days the daily run settles, oldest first.</summary>
public sealed record SettlementCatchUpInput(IReadOnlyList<string> SettlementDates);

public static class SettlementRecordResults
{
    public const string Settled = "settled";
    public const string AlreadyRecorded = "already_recorded";
    public const string NothingOwed = "nothing_owed";
}

/// <summary>
/// A new orchestration instance per attempt, never one per day: a day that failed, partly or wholly, can always be
/// run again, on the in-memory test host and on Azure Storage alike, and a re-run is safe because settlement is.
/// </summary>
public static class SettlementInstances
{
    public static string ForDay(DateOnly date, string attempt) => "settlement_" + Compact(date) + "_" + attempt;

    public static string ForCatchUp(DateOnly latest, string attempt) => "settlement_daily_" + Compact(latest) + "_" + attempt;

    /// <summary>Derived from the parent's id, so a replay of the parent finds the same child.</summary>
    public static string DayOf(string catchUpInstanceId, DateOnly date) => catchUpInstanceId + "_" + Compact(date);

    public static string NewAttempt() => Guid.NewGuid().ToString("N")[..12];

    private static string Compact(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
