using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.DurableTask.Client;
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
using PayFunctions.Core.Tests.Screening;
using PayFunctions.Core.Tests.Secrets;

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
    private const string CallId = "8e1c7a52-5b0e-4c5e-9a39-0d5b4c1f2a11";

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

    [Theory]
    [InlineData("drop_everything", PaymentId, CallId, "main")]
    [InlineData("query", "../../admin", CallId, "main")]
    [InlineData("query", "", CallId, "main")]
    [InlineData("query", PaymentId, "not-a-guid", "main")]
    [InlineData("query", PaymentId, "{8e1c7a52-5b0e-4c5e-9a39-0d5b4c1f2a11}", "main")]
    [InlineData("query", PaymentId, CallId, "backup")]
    public async Task ServiceBusChannelWorker_ChannelCallThatCanNeverBeAnswered_IsDeadLetteredWithoutCallingTheChannel(
        string operation, string instanceId, string callId, string inputAccount)
    {
        // Unknown operations, ids that are no orchestration's or call's, and an input naming another account than the
        // queue's: each could make a call nobody waits for, or hand the Durable client what the queue made up.
        var input = JsonSerializer.Serialize(new ChannelOrderInput("wechat_pay", inputAccount, PaymentId));
        var item = new ChannelWorkItem(ChannelWorkItem.CallChannel, "wechat_pay", "main", "", "")
        {
            Call = new ChannelCallRequest(operation, "wechat_pay", "main", instanceId, callId, input),
        };
        var args = ArgsFor(JsonSerializer.Serialize(item));

        await Worker().HandleMessageAsync(args);

        receiver.Verify(
            r => r.DeadLetterMessageAsync(args.Message, ServiceBusChannelWorker.RejectedReason, It.IsAny<string>(), It.IsAny<CancellationToken>()),
            Times.Once);
        receiver.Verify(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ChannelCall_ThatFails_IsAnsweredAsAFailureToItsOrchestrationUnderItsCallId()
    {
        // The account's keys are missing: the call fails, and the orchestration, not the worker, decides whether to try again.
        var request = new ChannelCallRequest(
            ChannelCallOperations.Query, "wechat_pay", "main", PaymentId, CallId, JsonSerializer.Serialize(new ChannelOrderInput("wechat_pay", "main", PaymentId)));
        var item = new ChannelWorkItem(ChannelWorkItem.CallChannel, "wechat_pay", "main", "", "") { Call = request };
        var durable = new Mock<DurableTaskClient>("test");

        var verdict = await Processor().ProcessAsync(JsonSerializer.Serialize(item), durable.Object, CancellationToken.None);

        Assert.Equal(ChannelWorkVerdict.Done, verdict);
        durable.Verify(
            d => d.RaiseEventAsync(
                PaymentId,
                ChannelCallEvents.AnswerOf(CallId),
                It.Is<ChannelCallAnswer>(a => !a.Succeeded && a.ErrorType == typeof(InvalidOperationException).FullName),
                It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public void ChannelCall_MessageId_ComesFromTheCallId_SoAReplayedEnqueueIsADuplicate()
    {
        var request = new ChannelCallRequest(ChannelCallOperations.Close, "wechat_pay", "main", PaymentId, CallId, "{}");
        var item = new ChannelWorkItem(ChannelWorkItem.CallChannel, "wechat_pay", "main", "", "") { Call = request };
        var retry = item with { Call = request with { CallId = "0b8f3c4e-1d2a-4f6b-8c9d-7e5a3b1c2d4f" } };

        Assert.Equal(item.MessageId, (item with { }).MessageId);
        Assert.Contains(CallId, item.MessageId, StringComparison.Ordinal);
        Assert.NotEqual(item.MessageId, retry.MessageId);
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

    private ServiceBusChannelWorker Worker() => new(Mock.Of<ServiceBusClient>(), Processor(), NullLogger<ServiceBusChannelWorker>.Instance);

    private ChannelWorkProcessor Processor()
    {
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }));
        return new ChannelWorkProcessor(
            Calls(),
            new PaymentStore(storage),
            new LedgerStore(storage, new SettlementDueIndex(storage)),
            new LatePaymentRefunds(new RefundStarter(new RefundBalanceStore(storage), new RefundStore(storage), TimeProvider.System, NullLogger<RefundStarter>.Instance), NullLogger<LatePaymentRefunds>.Instance),
            new UnmatchedCredits(storage, new LedgerStore(storage, new SettlementDueIndex(storage)), TimeProvider.System, NullLogger<UnmatchedCredits>.Instance),
            new StorageQueueChannelWorkQueue(storage, Options.Create(new ChannelWorkOptions())),
            null!,
            ChannelCalls(storage),
            TimeProvider.System,
            NullLogger<ChannelWorkProcessor>.Instance);
    }

    private ChannelAccountCalls Calls() => new(
        channels,
        new ChannelAccountPipelines(
            new ChannelHealth(TimeProvider.System),
            new ChannelAccountThrottle(new ConfigurationBuilder().Build(), Options.Create(new ChannelWorkOptions()), TimeProvider.System),
            Options.Create(new ChannelResilienceOptions()),
            TimeProvider.System,
            NullLogger<ChannelAccountPipelines>.Instance));

    private ChannelCallWorker ChannelCalls(StorageClients storage)
    {
        var calls = Calls();
        return new ChannelCallWorker(
            new CloseAtChannelActivity(calls),
            new QueryChannelActivity(calls, new ChannelPayerIntake(VersionedSecrets.WithKeyEncryptionKey(), new RecordingScreener())),
            new CancelAtChannelActivity(calls),
            new CaptureAtChannelActivity(calls, new ChannelPayerIntake(VersionedSecrets.WithKeyEncryptionKey(), new RecordingScreener())),
            new RefundAtChannelActivity(calls, Options.Create(new ApiOptions()), NullLogger<RefundAtChannelActivity>.Instance),
            new QueryRefundActivity(calls, NullLogger<QueryRefundActivity>.Instance),
            new StorageQueueChannelWorkQueue(storage, Options.Create(new ChannelWorkOptions())),
            NullLogger<ChannelCallWorker>.Instance);
    }

    private ProcessMessageEventArgs ArgsFor(string body) => new(
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body)),
        receiver.Object,
        CancellationToken.None);
}
