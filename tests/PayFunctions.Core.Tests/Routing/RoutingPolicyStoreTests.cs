using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Routing;

[Collection(AzuriteCollection.Name)]
public sealed class RoutingPolicyStoreTests(AzuriteFixture azurite)
{
    private static readonly RoutingPolicy CostPolicy = RoutingPolicy.Default with { Objective = RoutingObjective.Cost, UtcOffset = TimeSpan.FromHours(8) };
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly string merchant = "mch_" + Guid.NewGuid().ToString("N")[..16];

    private TableClient Table => azurite.Storage.Tables.GetTableClient(TableNames.RoutingPolicies);

    [Fact]
    public async Task AMerchantWithoutAPolicy_GetsTheDefault()
    {
        Assert.Same(RoutingPolicy.Default, await Store().GetAsync(merchant, CancellationToken.None));
    }

    [Fact]
    public async Task AChangeByAnotherInstance_IsSeenOnceTheCachedPolicyExpires_AndOneOfItsOwnAtOnce()
    {
        var store = Store();
        Assert.Equal(RoutingObjective.Success, (await store.GetAsync(merchant, CancellationToken.None)).Objective);

        await Store().SaveAsync(merchant, CostPolicy, CancellationToken.None);
        time.Advance(RoutingPolicyStore.CacheLifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal(RoutingObjective.Success, (await store.GetAsync(merchant, CancellationToken.None)).Objective);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(RoutingObjective.Cost, (await store.GetAsync(merchant, CancellationToken.None)).Objective);

        await store.SaveAsync(merchant, RoutingPolicy.Default, CancellationToken.None);
        Assert.Equal(RoutingObjective.Success, (await store.GetAsync(merchant, CancellationToken.None)).Objective);
    }

    [Fact]
    public async Task AStoredPolicy_ReadsBackAsTheSamePolicy()
    {
        await Store().SaveAsync(merchant, CostPolicy, CancellationToken.None);

        var read = await Store().GetAsync(merchant, CancellationToken.None);

        Assert.Equal(RoutingPolicyStore.Serialize(CostPolicy), RoutingPolicyStore.Serialize(read));
    }

    [Fact]
    public async Task ARowThatNoLongerReads_RoutesOnTheDefault()
    {
        await Table.UpsertEntityAsync(new RoutingPolicyEntity
        {
            PartitionKey = merchant,
            RowKey = RoutingPolicyEntity.Row,
            PolicyJson = Encoding.UTF8.GetBytes("""{"objective":"teleport"}"""),
        });

        Assert.Same(RoutingPolicy.Default, await Store().GetAsync(merchant, CancellationToken.None));
    }

    private RoutingPolicyStore Store() => new(azurite.Storage, time, NullLogger<RoutingPolicyStore>.Instance);
}
