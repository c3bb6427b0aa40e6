namespace PayFunctions.Domain.Reconciliation;

/// <summary>A count and the sum of the amounts counted.</summary>
public readonly record struct Tally(long Count, Money Amount);

/// <summary>How many statement lines of one kind there were, their gross amounts and their fees.</summary>
public readonly record struct LineTotals(long Count, Money Amount, Money Fee);

/// <summary>A day's totals.</summary>
/// <param name="Lines">Every kind of statement line with its totals (zero for kinds the statement did not have).</param>
/// <param name="Matched">Payment and refund lines that agreed with the platform's record on every fact, and their gross amounts.</param>
/// <param name="Differences">
/// Every class with the number of its differences and their amounts (the statement's amount when the channel has a line,
/// else the platform's).
/// </param>
public sealed record ReconciliationSummary(
    IReadOnlyDictionary<StatementEntryKind, LineTotals> Lines,
    Tally Matched,
    IReadOnlyDictionary<DifferenceClass, Tally> Differences);

/// <summary>What reconciling one statement day found.</summary>
/// <param name="Day">The statement day reconciled.</param>
/// <param name="Differences">Every difference, ordered by reference, kind, class and the line's facts, so re-running a day lists them identically.</param>
/// <param name="Summary">The day's totals.</param>
public sealed record ReconciliationResult(StatementDay Day, IReadOnlyList<ReconciliationDifference> Differences, ReconciliationSummary Summary);
