using PayFunctions.Core.Notifications;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Notifications;

[Collection(AzuriteCollection.Name)]
public sealed class NotificationLogTests(AzuriteFixture azurite) : IDisposable
{
    private readonly StorageRequestCounter counter = new();

    [Fact]
    public async Task ACopyOfADelivery_IsKnownAsOne_AndCostsOnlyItsRefusedInsert()
    {
        var log = new NotificationLog(azurite.Counted(counter), TimeProvider.System);
        var trade = "4200" + Guid.NewGuid().ToString("N")[..12];

        Assert.False(await log.RecordDeliveryAsync("wechat_pay", trade, "evt_1", "pay_1", CancellationToken.None));
        Assert.True(await log.RecordDeliveryAsync("wechat_pay", trade, "evt_1", "pay_1", CancellationToken.None));
        Assert.False(await log.RecordDeliveryAsync("wechat_pay", trade, "evt_2", "pay_1", CancellationToken.None));

        Assert.Equal(new Dictionary<string, long> { ["notifications insert"] = 3 }, TableRequests.Of(counter));
    }

    public void Dispose() => counter.Dispose();
}
