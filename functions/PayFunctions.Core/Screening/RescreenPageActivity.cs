using Azure.Data.Tables;
using Microsoft.DurableTask;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Screening;

/// <summary>
/// Screens one page (at most <see cref="PageSize"/>) of merchants or connected accounts against the lists as stored
/// now: the index is checked against storage first, since the upload that started the rescreen may have been taken by
/// another instance. A merchant's test-mode twin is screened as its live merchant.
/// </summary>
public sealed class RescreenPageActivity(StorageClients clients, SanctionsIndex index, SanctionsScreener screener)
    : TaskActivity<RescreenPageInput, RescreenPage>
{
    public const int PageSize = 100;

    public override Task<RescreenPage> RunAsync(TaskActivityContext context, RescreenPageInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<RescreenPage> ExecuteAsync(RescreenPageInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lists = await index.RefreshAsync(cancellationToken);
        var (parties, next) = input.Kind switch
        {
            RescreenKinds.Merchants => await PageAsync(
                TableNames.Merchants,
                TableClient.CreateQueryFilter($"RowKey eq {MerchantEntity.Row}"),
                ["PartitionKey", "Name", "TestMode", "TwinId"],
                row => row.GetBoolean("TestMode") == true && row.GetString("TwinId") is { Length: > 0 }
                    ? null
                    : ScreenedParty.Merchant(row.PartitionKey, row.GetString("Name") ?? ""),
                input.ContinuationToken,
                cancellationToken),
            RescreenKinds.Accounts => await PageAsync(
                TableNames.Accounts,
                null,
                ["PartitionKey", "RowKey", "Name"],
                row => ScreenedParty.Account(row.PartitionKey, row.RowKey, row.GetString("Name") ?? ""),
                input.ContinuationToken,
                cancellationToken),
            _ => throw new ArgumentException($"Unknown rescreen kind {input.Kind}.", nameof(input)),
        };
        var hits = 0;
        foreach (var party in parties)
        {
            hits += (await screener.ScreenAsync(lists, party, cancellationToken)).Count;
        }

        return new RescreenPage(parties.Count, hits, next);
    }

    private async Task<(IReadOnlyList<ScreenedParty> Parties, string? Next)> PageAsync(
        string table, string? filter, string[] select, Func<TableEntity, ScreenedParty?> party, string? token, CancellationToken cancellationToken)
    {
        var pages = clients.Tables.GetTableClient(table).QueryAsync<TableEntity>(filter, PageSize, select, cancellationToken).AsPages(token, PageSize);
        await foreach (var page in pages)
        {
            return ([.. page.Values.Select(party).OfType<ScreenedParty>()], page.ContinuationToken);
        }

        return ([], null);
    }
}
