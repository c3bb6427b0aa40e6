using PayFunctions.Core.Reports;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Tests.Reports;

/// <summary>
/// Completions racing for one merchant's day: each transaction that lost reads again and retries, so every one counts
/// once. The emulator checks the ETags of a transaction's replaces here, as Azure does.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportStoreConcurrencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Concurrent_completions_of_one_partition_each_count_once()
    {
        using var counter = new StorageRequestCounter();
        var store = new ReportStore(azurite.Counted(counter));
        var partition = ReportKeys.Partition("mch_" + Guid.NewGuid().ToString("N")[..16], new DateOnly(2026, 11, 2));
        var cells = new[] { new ReportCell(ReportDimension.Method, "m", "CNY", new ReportCounters(1, 1, 0, 100, 0, 0, 1)) };

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.AddAsync(partition, ReportKeys.PaymentMarker("pay_" + i), cells, CancellationToken.None))));

        var day = await store.ReadAsync(partition.Split('|')[0], new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), CancellationToken.None);
        Assert.Equal(new ReportCounters(20, 20, 0, 2_000, 0, 0, 20), Assert.Single(day).Cell.Counters);
        var requests = TableRequests.Of(counter);
        Assert.Equal(requests["reports query"] - 1, requests[" batch"]);
    }
}
