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

    [Fact]
    public async Task ThePageHoldingTheLastRows_SaysNoMoreFollow()
    {
        var partition = await SeedAsync(3);

        var (page, hasMore) = await TablePages.TakeAsync(Query(partition, maxPerPage: 4), limit: 3);

        Assert.Equal(["r0", "r1", "r2"], page.Select(r => r.RowKey));
        Assert.False(hasMore);
    }

    [Fact]
    public async Task TheRowPastTheLimit_SaysMoreFollow_InTheOneRequestThatReadThePage()
    {
        var partition = await SeedAsync(5);

        var (page, hasMore) = await TablePages.TakeAsync(Query(partition, maxPerPage: 4), limit: 3);

        Assert.Equal(["r0", "r1", "r2"], page.Select(r => r.RowKey));
        Assert.True(hasMore);
        Assert.Equal(new Dictionary<string, long> { [Table + " query"] = 1 }, TableRequests.Of(counter));
    }

    [Fact]
    public async Task APageSpreadOverSeveralResponses_IsReadToItsLimit()
    {
        var partition = await SeedAsync(5);

        var (page, hasMore) = await TablePages.TakeAsync(Query(partition, maxPerPage: 2), limit: 4);

        Assert.Equal(["r0", "r1", "r2", "r3"], page.Select(r => r.RowKey));
        Assert.True(hasMore);
        Assert.Equal(new Dictionary<string, long> { [Table + " query"] = 3 }, TableRequests.Of(counter));
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
