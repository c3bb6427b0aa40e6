using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Aml;

/// <summary>
/// An anti-money-laundering case: one suspicious detection, or a party an operator opened a case on. Its facts are
/// written once, when opened; afterwards only its status, notes and who moved it change.
/// </summary>
public sealed class AmlCaseEntity : TableRow
{
    /// <summary>The day the case belongs to (yyyy-MM-dd): its detection's day, or the day an operator opened it.</summary>
    public string Day { get; set; } = "";

    public bool Livemode { get; set; }

    public string Status { get; set; } = AmlCaseStatuses.Open;

    /// <summary>The detection's pattern code (e.g. <c>structuring</c>), or <c>manual</c> for a case an operator opened.</summary>
    public string Pattern { get; set; } = "";

    /// <summary><c>payer</c>, <c>merchant</c> or <c>account</c>.</summary>
    public string PartyKind { get; set; } = "";

    public string PartyId { get; set; } = "";

    /// <summary>The detection's total in minor units, when there is one.</summary>
    public long? Amount { get; set; }

    public string? Currency { get; set; }

    /// <summary>The payment and payout ids (at most <see cref="AmlCaseStore.MaxTransactions"/>), as a JSON array.</summary>
    public string TransactionsJson { get; set; } = "[]";

    /// <summary>How many transactions the detection named, including any beyond those kept.</summary>
    public int TransactionCount { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary><c>system</c> for a detection, else the operator.</summary>
    public string OpenedBy { get; set; } = "";

    public DateTimeOffset? EscalatedAt { get; set; }

    public string? EscalatedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>The notes, oldest first, as a JSON array of <see cref="AmlCaseNote"/>.</summary>
    public string NotesJson { get; set; } = "[]";
}

/// <summary>A note on a case: when, who, what.</summary>
public sealed record AmlCaseNote(DateTimeOffset At, string By, string Text);

/// <summary>A case's statuses: open, then escalated (reported to the regulator) or closed; an escalated case can still be closed.</summary>
public static class AmlCaseStatuses
{
    public const string Open = "open";
    public const string Escalated = "escalated";
    public const string Closed = "closed";

    public static bool IsKnown(string? status) => status is Open or Escalated or Closed;
}
