using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Adapters;

public sealed class ServiceBusChannelWorkerTests
{
    private readonly ChannelRegistry channels = new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:WeChatPay:Accounts:main:MchId"] = "1900000109",
            ["Channels:WeChatPay:Accounts:main:AppId"] = "wx1",
            ["Channels:WeChatPay:Accounts:main:MerchantSerialNo"] = "A1",
            ["Channels:WeChatPay:Accounts:main:PlatformSerialNo"] = "B2",
        }).Build(),
        Mock.Of<IHttpClientFactory>(),
        Mock.Of<ISecretStore>(),
        Options.Create(new ApiOptions()),
        new StorageClients(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" })),
        TimeProvider.System);

    private const string PaymentId = "pay_0000000000000000000000a1";

    private readonly Mock<ServiceBusReceiver> receiver = new();

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"Kind":"refund_order","Channel":"wechat_pay","MerchantId":"mch_1","PaymentId":"pay_1"}""")]
    [InlineData("""{"Kind":"reconcile_order","Channel":"nope","MerchantId":"mch_1","PaymentId":"pay_1"}""")]
    [InlineData("""{"Kind":"reconcile_order","MerchantId":"mch_1","PaymentId":"pay_1"}""")]
    [InlineData("""{"Kind":"reconcile_order","Channel":"wechat_pay","ChannelAccount":"main","MerchantId":"mch_1","PaymentId":"pay_1"}""")]
    [InlineData("""{"Kind":"prepay","Channel":"wechat_pay","ChannelAccount":"main","MerchantId":"mch_1","PaymentId":"pay_0000000000000000000000a1"}""")]
    [InlineData("""{"Kind":"prepay_result","Channel":"wechat_pay","ChannelAccount":"main","MerchantId":"mch_1","PaymentId":"pay_0000000000000000000000a1"}""")]
    public async Task ServiceBusChannelWorker_DeadLettersAMessageThatCanNeverSucceed(string body)
    {
        var args = ArgsFor(body);

        await Worker().HandleMessageAsync(args);

        receiver.Verify(
            r => r.DeadLetterMessageAsync(args.Message, ServiceBusChannelWorker.RejectedReason, It.IsAny<string>(), It.IsAny<CancellationToken>()),
            Times.Once);
        receiver.Verify(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ServiceBusChannelWorker_PrepayOfAMismatchedPayment_IsDeadLettered()
    {
        // The item's payment names another channel than the item: it could place an order nobody waits for.
        var input = new PaymentOrchestrationInput(PaymentId, "mch_1", "alipay", "main", "alipay_qr", 100, "CNY", "x", DateTimeOffset.UnixEpoch);
        var item = new ChannelWorkItem(ChannelWorkItem.Prepay, "wechat_pay", "main", "mch_1", PaymentId) { Payment = input };
        var args = ArgsFor(JsonSerializer.Serialize(item));

        await Worker().HandleMessageAsync(args);

        receiver.Verify(
            r => r.DeadLetterMessageAsync(args.Message, ServiceBusChannelWorker.RejectedReason, It.IsAny<string>(), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task ServiceBusChannelWorker_WhenProcessingFails_DoesNotComplete()
    {
        // A valid item for a channel whose keys are missing: retried by Service Bus, never completed.
        var item = new ChannelWorkItem(ChannelWorkItem.ReconcileOrder, "wechat_pay", "main", "mch_1", PaymentId);
        var args = ArgsFor(JsonSerializer.Serialize(item));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Worker().HandleMessageAsync(args));

        receiver.Verify(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private ServiceBusChannelWorker Worker()
    {
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }));
        var processor = new ChannelWorkProcessor(
            new ChannelAccountCalls(channels, null!),
            new PaymentStore(storage),
            new LedgerStore(storage, new SettlementDueIndex(storage)),
            new LatePaymentRefunds(new RefundStarter(new RefundBalanceStore(storage), new RefundStore(storage), TimeProvider.System, NullLogger<RefundStarter>.Instance), NullLogger<LatePaymentRefunds>.Instance),
            new UnmatchedCredits(storage, new LedgerStore(storage, new SettlementDueIndex(storage)), TimeProvider.System, NullLogger<UnmatchedCredits>.Instance),
            new StorageQueueChannelWorkQueue(storage, Options.Create(new ChannelWorkOptions())),
            null!,
            TimeProvider.System,
            NullLogger<ChannelWorkProcessor>.Instance);
        return new ServiceBusChannelWorker(Mock.Of<ServiceBusClient>(), processor, NullLogger<ServiceBusChannelWorker>.Instance);
    }

    private ProcessMessageEventArgs ArgsFor(string body) => new(
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body)),
        receiver.Object,
        CancellationToken.None);
}
