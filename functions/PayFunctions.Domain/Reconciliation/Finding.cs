namespace PayFunctions.Domain.Reconciliation;

/// <summary>A difference as the matcher finds it, before its place in the ordered list gives it an occurrence and an id.</summary>
internal readonly record struct Finding(
    DifferenceClass Class,
    StatementEntryKind Kind,
    string Reference,
    ProposedResolution Resolution,
    StatementEntry? Statement,
    PlatformPayment? Payment,
    PlatformRefund? Refund,
    string? EarlierChannelReference)
{
    /// <summary>
    /// Orders by reference, kind and class, then by the line's facts, so that findings which compare equal are equal in
    /// every field and the list is the same whatever order the statement's lines came in.
    /// </summary>
    public static int Compare(Finding left, Finding right)
    {
        var order = string.CompareOrdinal(left.Reference, right.Reference);
        if (order == 0)
        {
            order = left.Kind.CompareTo(right.Kind);
        }

        if (order == 0)
        {
            order = left.Class.CompareTo(right.Class);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(left.Statement?.ChannelReference, right.Statement?.ChannelReference);
        }

        if (order == 0)
        {
            order = Nullable.Compare(left.Statement?.BookedAt, right.Statement?.BookedAt);
        }

        if (order == 0)
        {
            order = Nullable.Compare(left.Statement?.Amount.MinorUnits, right.Statement?.Amount.MinorUnits);
        }

        if (order == 0)
        {
            order = Nullable.Compare(left.Statement?.Fee.MinorUnits, right.Statement?.Fee.MinorUnits);
        }

        return order;
    }

    /// <summary>Whether two findings are about the same reference, kind and class (a repeat needs a further occurrence).</summary>
    public static bool SameSubject(Finding left, Finding right) =>
        left.Class == right.Class && left.Kind == right.Kind && string.Equals(left.Reference, right.Reference, StringComparison.Ordinal);

    /// <summary>The difference, with its id derived from the day, the account and its subject.</summary>
    public ReconciliationDifference ToDifference(StatementDay day, int occurrence) =>
        new(Id(day, occurrence), Class, Kind, Reference, occurrence, Resolution, Statement, Payment, Refund, EarlierChannelReference);

    private string Id(StatementDay day, int occurrence) => ReconciliationDifference.IdOf(day.Account, day.Day, Class, Kind, Reference, occurrence);
}
