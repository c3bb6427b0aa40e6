using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Moq;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Tests.Adapters;

public sealed class ServiceBusChannelWorkQueueTests
{
    [Fact]
    public async Task ServiceBusChannelWorkQueue_SendsToTheChannelsQueue_WithStableMessageIdForDuplicateDetection()
    {
        var sent = new List<ServiceBusMessage>();
        var sender = new Mock<ServiceBusSender>();
        sender
            .Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((message, _) => sent.Add(message))
            .Returns(Task.CompletedTask);
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(ChannelWorkQueues.NameFor("wechat_pay"))).Returns(sender.Object);
        var queue = new ServiceBusChannelWorkQueue(client.Object, TimeProvider.System);
        var item = new ChannelWorkItem(ChannelWorkItem.ReconcileOrder, "wechat_pay", "main", "mch_1", "pay_1");

        await queue.EnqueueAsync(item, CancellationToken.None);
        await queue.EnqueueAsync(item with { }, CancellationToken.None);
        await queue.EnqueueAsync(item with { PaymentId = "pay_2" }, CancellationToken.None);

        client.Verify(c => c.CreateSender(ChannelWorkQueues.NameFor("wechat_pay")), Times.Once);
        Assert.Equal(3, sent.Count);
        Assert.Equal(item.MessageId, sent[0].MessageId);
        Assert.Equal(sent[0].MessageId, sent[1].MessageId);
        Assert.NotEqual(sent[0].MessageId, sent[2].MessageId);
        Assert.All(sent, m => Assert.Equal("application/json", m.ContentType));
        Assert.Equal(item, JsonSerializer.Deserialize<ChannelWorkItem>(sent[0].Body.ToString()));
        Assert.Equal(item with { PaymentId = "pay_2" }, JsonSerializer.Deserialize<ChannelWorkItem>(sent[2].Body.ToString()));
    }
}
