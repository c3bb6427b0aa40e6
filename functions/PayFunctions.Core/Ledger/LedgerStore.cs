using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Ledger;

/// <summary>
/// The append-only journal and its per-account projection. Entries are only ever inserted, keyed by a
/// deterministic id, so an activity that runs twice posts once; there is deliberately no update or delete.
/// Readers of one account (a balance, a settlement) read that account's partition of the projection only.
/// </summary>
public sealed class LedgerStore(StorageClients clients, SettlementDueIndex due)
{
    private TableClient Journal => clients.Tables.GetTableClient(TableNames.Ledger);

    private TableClient Accounts => clients.Tables.GetTableClient(TableNames.LedgerAccounts);

    /// <summary>
    /// Posts the entry, then its projection rows, then marks the payables it credits as due for settlement.
    /// Returns false when an entry with that id was already posted; the projection and the index are then written
    /// again from the stored entry, so a retry completes a post that died half-way.
    /// </summary>
    public async Task<bool> PostAsync(JournalEntry entry, CancellationToken cancellationToken) =>
        (await PostOrKeepAsync(entry, cancellationToken)).Inserted;

    /// <summary>
    /// As <see cref="PostAsync"/>, and the entry as it stands in the journal: the one given, or, when an entry with its
    /// id was posted before, that one, which may differ (an earlier run decided otherwise) and is the one that counts.
    /// </summary>
    public async Task<(bool Inserted, JournalEntry Stored)> PostOrKeepAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var inserted = true;
        try
        {
            await Journal.AddEntityAsync(LedgerRows.Journal(entry), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            inserted = false;
            entry = await ReadEntryAsync(entry.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Journal entry {entry.Id} conflicted but cannot be read.");
        }

        var lines = LedgerProjection.Project(entry);
        await Task.WhenAll(lines.GroupBy(l => l.Account, StringComparer.Ordinal).Select(g => ProjectAsync([.. g], cancellationToken)));

        // After the projection, never before: removing an account from the index is conditional on the index row's
        // version, so a capture whose lines a settlement did not see always leaves the account indexed.
        if (!string.Equals(entry.Kind, Postings.SettlementKind, StringComparison.Ordinal))
        {
            foreach (var line in lines.Where(l => l.Credits > 0))
            {
                if (LedgerAccounts.TryParsePayable(line.Account, out var accountId))
                {
                    await due.MarkDueAsync(accountId, line.Currency, cancellationToken);
                }
            }
        }

        return (inserted, entry);
    }

    /// <summary>Every line of one ledger account, in posting order: one partition, whatever the other accounts hold.</summary>
    public async Task<IReadOnlyList<AccountLine>> ReadAccountAsync(string account, CancellationToken cancellationToken)
    {
        var partition = LedgerRows.AccountPartition(account);
        var lines = new List<AccountLine>();
        await foreach (var row in Accounts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            lines.Add(LedgerRows.ToAccountLine(row));
        }

        return lines;
    }

    public async Task<JournalEntry?> ReadEntryAsync(string entryId, CancellationToken cancellationToken)
    {
        var row = await Journal.GetEntityIfExistsAsync<TableEntity>(entryId, "entry", cancellationToken: cancellationToken);
        return row.HasValue ? LedgerRows.ToEntry(row.Value!) : null;
    }

    /// <summary>The rows derive only from the stored entry, so replacing them on a retry writes the same content.</summary>
    private async Task ProjectAsync(IReadOnlyList<AccountLine> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 1)
        {
            await Accounts.UpsertEntityAsync(LedgerRows.Account(lines[0]), TableUpdateMode.Replace, cancellationToken);
            return;
        }

        await Accounts.SubmitTransactionAsync(
            lines.Select(l => new TableTransactionAction(TableTransactionActionType.UpsertReplace, LedgerRows.Account(l))),
            cancellationToken);
    }
}
