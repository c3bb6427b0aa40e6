using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace PayFunctions.Core.ChannelWork;

/// <summary>Channel work on Service Bus: one queue per channel, duplicate detection keyed on the item.</summary>
public sealed class ServiceBusChannelWorkQueue(ServiceBusClient client) : IChannelWorkQueue
{
    public async Task EnqueueAsync(ChannelWorkItem item, CancellationToken cancellationToken)
    {
        await using var sender = client.CreateSender(ChannelWorkQueues.NameFor(item.Channel));
        var message = new ServiceBusMessage(JsonSerializer.SerializeToUtf8Bytes(item))
        {
            MessageId = item.MessageId,
            ContentType = "application/json",
            Subject = item.Kind,
        };
        await sender.SendMessageAsync(message, cancellationToken);
    }
}
