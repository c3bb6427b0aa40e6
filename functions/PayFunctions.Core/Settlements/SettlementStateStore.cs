using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Settlements;

/// <summary>
/// One row per account and currency (partition = account, row = currency), written only with single-entity
/// operations conditional on the ETag read: Azurite ignores ETags inside batch transactions, Azure does not.
/// </summary>
public sealed class SettlementStateStore(StorageClients clients)
{
    private const string DateFormat = "yyyy-MM-dd";

    private TableClient Table => clients.Tables.GetTableClient(TableNames.SettlementState);

    /// <summary>The state and its version; <see cref="SettlementAccountState.Initial"/> and no version when nothing was ever settled.</summary>
    public async Task<(SettlementAccountState State, ETag? Version)> ReadAsync(string accountId, Currency currency, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<SettlementStateEntity>(TableKeys.Escape(accountId), currency.Code, cancellationToken: cancellationToken);
        return row.HasValue ? (ToState(row.Value!, currency), row.Value!.ETag) : (SettlementAccountState.Initial, null);
    }

    /// <summary>
    /// Writes the state if the row is still at <paramref name="version"/> (or, without a version, does not exist yet).
    /// Returns the new version, or null when another writer changed the row first.
    /// </summary>
    public async Task<ETag?> TryWriteAsync(string accountId, Currency currency, SettlementAccountState state, ETag? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = ToEntity(accountId, currency, state);
        try
        {
            var response = version is { } ifMatch
                ? await Table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken)
                : await Table.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    private static SettlementStateEntity ToEntity(string accountId, Currency currency, SettlementAccountState state) =>
        new()
        {
            PartitionKey = TableKeys.Escape(accountId),
            RowKey = currency.Code,
            AccountId = accountId,
            SettledTotal = state.SettledTotal,
            PendingSettlementId = state.Pending?.SettlementId,
            PendingSettlementDate = state.Pending?.SettlementDate.ToString(DateFormat, CultureInfo.InvariantCulture),
            PendingCutoffUtc = state.Pending?.CutoffUtc,
            PendingAmount = state.Pending?.Amount.MinorUnits,
            PendingCreatedAt = state.Pending?.CreatedAt,
        };

    private static SettlementAccountState ToState(SettlementStateEntity row, Currency currency) =>
        new(
            row.SettledTotal,
            row.PendingSettlementId is { Length: > 0 } id
                ? new SettlementIntent(
                    id,
                    DateOnly.ParseExact(row.PendingSettlementDate!, DateFormat, CultureInfo.InvariantCulture),
                    row.PendingCutoffUtc!.Value,
                    new Money(row.PendingAmount!.Value, currency),
                    row.PendingCreatedAt!.Value)
                : null);
}
