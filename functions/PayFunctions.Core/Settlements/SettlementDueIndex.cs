using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Settlements;

/// <summary>
/// The accounts (per currency) that may be owed something, so a day's batch lists them instead of scanning the
/// ledger. Every posting that credits a payable rewrites its row, which changes the row's ETag; a settlement
/// removes the row only on the ETag it read before reading the account's lines, and only when nothing at all is
/// owed, so an account is never dropped while a posting it did not see is on its way.
/// </summary>
public sealed class SettlementDueIndex(StorageClients clients)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.SettlementDue);

    public async Task MarkDueAsync(string accountId, Currency currency, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(
            new TableEntity(TableKeys.Escape(accountId), currency.Code) { ["AccountId"] = accountId },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>Every indexed account and currency, ordered by account then currency; the table holds only accounts with something owed.</summary>
    public async Task<IReadOnlyList<(string AccountId, string Currency)>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<(string, string)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(select: ["AccountId", "RowKey"], cancellationToken: cancellationToken))
        {
            list.Add((row.GetString("AccountId"), row.RowKey));
        }

        return [.. list.OrderBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.Item2, StringComparer.Ordinal)];
    }

    /// <summary>The row's current version, or null when the account is not indexed.</summary>
    public async Task<ETag?> ReadVersionAsync(string accountId, string currency, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(accountId), currency, ["AccountId"], cancellationToken);
        return row.HasValue ? row.Value!.ETag : null;
    }

    /// <summary>Removes the row if it is still at <paramref name="version"/>; false when a posting rewrote it meanwhile (or it is gone).</summary>
    public async Task<bool> TryRemoveAsync(string accountId, string currency, ETag version, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(TableKeys.Escape(accountId), currency, version, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }
}
