using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Refunds;

[Collection(AzuriteCollection.Name)]
public sealed class RefundStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task BothRowsOfARefund_KeepEveryField()
    {
        var store = new RefundStore(azurite.Storage);
        var merchant = "mch_" + Guid.NewGuid().ToString("N")[..10];
        var written = new RefundEntity
        {
            PartitionKey = merchant,
            RefundId = "re_00000000000000000000000a",
            PaymentId = "pay_00000000000000000000000b",
            Channel = "wechat_pay",
            ChannelAccount = "main",
            Amount = 1234,
            Currency = "CNY",
            Status = RefundStatuses.Succeeded,
            Reason = "Spilled",
            ChannelRefundNo = "5030",
            FailureCode = "code",
            FailureMessage = "message",
            CreatedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero),
            SucceededAt = new DateTimeOffset(2026, 3, 1, 10, 1, 0, TimeSpan.Zero),
            MetadataJson = """{"ticket":"T-1"}""",
            LatePayment = true,
        };

        await store.CreateAsync(written, CancellationToken.None);
        var byId = await store.GetAsync(merchant, written.RefundId, CancellationToken.None);
        var (listed, _) = await store.ListAsync(merchant, written.PaymentId, 10, null, CancellationToken.None);

        // Every stored property, whatever is added later: a row copied field by field must not drop one.
        var expected = Fields(written);
        Assert.Equal(expected, Fields(byId!));
        Assert.Equal(expected, Fields(Assert.Single(listed)));
    }

    [Fact]
    public async Task ALateRefundFromAWorkerWithoutADurableClient_IsHandedOnToTheStorageQueue()
    {
        var queue = azurite.Storage.Queues.GetQueueClient(ChannelWorkQueues.Storage);
        await queue.ClearMessagesAsync();
        var item = new ChannelWorkItem(ChannelWorkItem.RefundLatePayment, "wechat_pay", "main", "mch_1", "pay_0000000000000000000000a1");

        await Processor().ProcessAsync(JsonSerializer.Serialize(item), durable: null, CancellationToken.None);

        var message = Assert.Single((await queue.ReceiveMessagesAsync(10)).Value);
        Assert.Equal(item, JsonSerializer.Deserialize<ChannelWorkItem>(message.Body.ToString()));
    }

    private ChannelWorkProcessor Processor() => new(
        null!,
        new PaymentStore(azurite.Storage),
        new LedgerStore(azurite.Storage, new SettlementDueIndex(azurite.Storage)),
        new LatePaymentRefunds(new RefundStarter(new RefundBalanceStore(azurite.Storage), new RefundStore(azurite.Storage), TimeProvider.System, NullLogger<RefundStarter>.Instance), NullLogger<LatePaymentRefunds>.Instance),
        new UnmatchedCredits(azurite.Storage, new LedgerStore(azurite.Storage, new SettlementDueIndex(azurite.Storage)), TimeProvider.System, NullLogger<UnmatchedCredits>.Instance),
        new StorageQueueChannelWorkQueue(azurite.Storage, Options.Create(new ChannelWorkOptions())),
        null!,
        null!,
        TimeProvider.System,
        NullLogger<ChannelWorkProcessor>.Instance);

    private static Dictionary<string, string?> Fields(RefundEntity refund) =>
        typeof(RefundEntity).GetProperties()
            .Where(p => p.CanWrite && p.Name is not (nameof(RefundEntity.RowKey) or nameof(RefundEntity.Timestamp) or nameof(RefundEntity.ETag)))
            .ToDictionary(p => p.Name, p => p.GetValue(refund)?.ToString());
}
