namespace PayFunctions.Domain.Reconciliation;

/// <summary>Reconciles one statement day as its lines are read.</summary>
/// <remarks>
/// The statement is an <see cref="IAsyncEnumerable{T}"/> because that is what reading it is: a channel module parses the
/// downloaded file as a stream and yields lines as the bytes arrive, so the day is matched while it downloads and never
/// sits in memory. Matching itself stays synchronous (<see cref="StatementMatcher.Add"/>): a source that is already in
/// memory can feed the matcher directly, at no cost per line for asynchrony.
/// </remarks>
public static class Reconciler
{
    /// <summary>Matches every line of <paramref name="statement"/> against the platform's records and returns the differences.</summary>
    /// <param name="day">The statement day and account.</param>
    /// <param name="payments">The platform's payments at the account, of the statement day and the day on each side.</param>
    /// <param name="refunds">The platform's refunds at the account, of the statement day and the day on each side.</param>
    /// <param name="statement">The statement's lines, read once.</param>
    /// <param name="cancellationToken">Stops reading the statement (<see cref="OperationCanceledException"/>).</param>
    /// <exception cref="ArgumentException">The day or a platform record is invalid (see <see cref="StatementMatcher"/>).</exception>
    /// <exception cref="FormatException">A statement line is damaged (see <see cref="StatementMatcher.Add"/>).</exception>
    public static async Task<ReconciliationResult> ReconcileAsync(
        StatementDay day,
        IEnumerable<PlatformPayment> payments,
        IEnumerable<PlatformRefund> refunds,
        IAsyncEnumerable<StatementEntry> statement,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var matcher = new StatementMatcher(day, payments, refunds);
        await foreach (var entry in statement.WithCancellation(cancellationToken))
        {
            // A source already in memory never looks at the token, so the loop does.
            cancellationToken.ThrowIfCancellationRequested();
            matcher.Add(entry);
        }

        return matcher.Complete();
    }
}
