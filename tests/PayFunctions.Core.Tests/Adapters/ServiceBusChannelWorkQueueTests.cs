using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Payments;

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

    [Fact]
    public async Task Prepay_GoesToItsChannelsQueue_WithAnIdFromThePaymentId_AndARetryIsScheduledUnderItsOwnId()
    {
        var sent = new List<(string Queue, ServiceBusMessage Message)>();
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(It.IsAny<string>())).Returns<string>(queue =>
        {
            var sender = new Mock<ServiceBusSender>();
            sender
                .Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
                .Callback<ServiceBusMessage, CancellationToken>((message, _) => sent.Add((queue, message)))
                .Returns(Task.CompletedTask);
            return sender.Object;
        });
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var queue = new ServiceBusChannelWorkQueue(client.Object, time);
        var input = new PaymentOrchestrationInput("pay_1", "mch_1", "alipay", "main", "alipay.qr", 100, "CNY", "x", time.GetUtcNow());
        var prepay = new ChannelWorkItem(ChannelWorkItem.Prepay, "alipay", "main", "mch_1", "pay_1") { Payment = input };

        await queue.EnqueueAsync(prepay, CancellationToken.None);
        await queue.EnqueueAsync(prepay with { Attempt = 2 }, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.All(sent, s => Assert.Equal("channel-alipay", s.Queue));
        Assert.Equal("prepay:alipay:pay_1", sent[0].Message.MessageId);
        Assert.Equal(default, sent[0].Message.ScheduledEnqueueTime);
        Assert.Equal("prepay:alipay:pay_1:2", sent[1].Message.MessageId);
        Assert.Equal(time.GetUtcNow().AddSeconds(1), sent[1].Message.ScheduledEnqueueTime);
        Assert.Equal(input, JsonSerializer.Deserialize<ChannelWorkItem>(sent[0].Message.Body.ToString())!.Payment);
    }

    [Fact]
    public void DeadLetterView_ShowsWhatAMessageIsAbout_NeverItsBody()
    {
        var input = new PaymentOrchestrationInput("pay_1", "mch_1", "alipay", "main", "alipay.qr", 100, "CNY", "x", DateTimeOffset.UnixEpoch)
        {
            Payer = new PayerInput("payer-openid", "134567890123456789", null, "203.0.113.9"),
        };
        var body = JsonSerializer.Serialize(new ChannelWorkItem(ChannelWorkItem.Prepay, "alipay", "main", "mch_1", "pay_1") { Payment = input, Attempt = 3 });

        var shown = ChannelDeadLetters.Describe("channel-alipay/$deadletterqueue", "m1", body, "invalid_channel_work", null, 10);
        var malformed = ChannelDeadLetters.Describe("q-poison", "m2", "{ not json", null, null, 5);

        Assert.Equal(new DeadLetterBody("channel-alipay/$deadletterqueue", "m1", "prepay", null, "alipay", "main", "pay_1", 3, "invalid_channel_work", null, 10), shown);
        Assert.DoesNotContain("134567890123456789", JsonSerializer.Serialize(shown), StringComparison.Ordinal);
        Assert.Equal("malformed", malformed.Reason);
        Assert.Null(malformed.About);
    }

    [Fact]
    public void DeadLetterView_ShowsWhomAChannelCallAnswers_AndWhatItAsks_NeverItsInput()
    {
        var call = new ChannelCallRequest(ChannelCallOperations.Refund, "alipay", "main", "re_1", Guid.NewGuid().ToString("D"), "{\"payer\":\"134567890123456789\"}");
        var body = JsonSerializer.Serialize(new ChannelWorkItem(ChannelWorkItem.CallChannel, "alipay", "main", "", "") { Call = call });

        var shown = ChannelDeadLetters.Describe("q-poison", "m3", body, null, null, 5);

        Assert.Equal((ChannelWorkItem.CallChannel, ChannelCallOperations.Refund, "re_1"), (shown.Kind, shown.Operation, shown.About));
        Assert.DoesNotContain("134567890123456789", JsonSerializer.Serialize(shown), StringComparison.Ordinal);
    }
}
