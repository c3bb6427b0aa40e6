using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Storage;

/// <summary>Where a page of a list ends and whether it says more follow, on the emulator, counted request by request.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablePagesTests(AzuriteFixture azurite)
{
    private const string Table = "tablepagestests";

    private readonly StorageRequestCounter counter = new();

    /// <summary>
    /// The page ends at its limit, the row read past it says more follow, and the requests are the query's own pages:
    /// the last rows fit one response, the row past the limit comes in the same response, and a small page size spreads
    /// one list over several.
    /// </summary>
    [Theory]
    [InlineData(3, 3, 4, false, 1)]
    [InlineData(5, 3, 4, true, 1)]
    [InlineData(5, 4, 2, true, 3)]
    public async Task APage_EndsAtItsLimit_AndSaysWhetherMoreFollow_InTheQuerysOwnRequests(
        int rows, int limit, int maxPerPage, bool more, long requests)
    {
        var partition = await SeedAsync(rows);

        var (page, hasMore) = await TablePages.TakeAsync(Query(partition, maxPerPage), limit);

        Assert.Equal(Enumerable.Range(0, limit).Select(i => "r" + i), page.Select(r => r.RowKey));
        Assert.Equal(more, hasMore);
        Assert.Equal(new Dictionary<string, long> { [Table + " query"] = requests }, TableRequests.Of(counter));
    }

    [Fact]
    public async Task TheFirstRowThatFailsTakeWhile_EndsTheList_AndNothingMoreIsSaidToFollow()
    {
        var partition = await SeedAsync(5);

        var (page, hasMore) = await TablePages.TakeAsync(
            Query(partition, maxPerPage: 4), limit: 3, r => string.CompareOrdinal(r.RowKey, "r2") < 0);

        Assert.Equal(["r0", "r1"], page.Select(r => r.RowKey));
        Assert.False(hasMore);
    }

    private AsyncPageable<TableEntity> Query(string partition, int maxPerPage) =>
        azurite.Counted(counter).Tables.GetTableClient(Table)
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: maxPerPage);

    /// <summary>A partition of its own holding rows r0, r1, … in key order.</summary>
    private async Task<string> SeedAsync(int rows)
    {
        var table = azurite.Storage.Tables.GetTableClient(Table);
        await table.CreateIfNotExistsAsync();
        var partition = Guid.NewGuid().ToString("N");
        for (var i = 0; i < rows; i++)
        {
            await table.AddEntityAsync(new TableEntity(partition, "r" + i));
        }

        return partition;
    }
}
