using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Channel work on Service Bus: one queue per channel, duplicate detection keyed on the item. Senders
/// are kept per queue because each one holds an AMQP link that is costly to open.
/// </summary>
public sealed class ServiceBusChannelWorkQueue(ServiceBusClient client, TimeProvider time) : IChannelWorkQueue, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> senders = new(StringComparer.Ordinal);

    public Task EnqueueAsync(ChannelWorkItem item, CancellationToken cancellationToken) => EnqueueAsync(item, TimeSpan.Zero, cancellationToken);

    public async Task EnqueueAsync(ChannelWorkItem item, TimeSpan delay, CancellationToken cancellationToken)
    {
        var sender = senders.GetOrAdd(ChannelWorkQueues.NameFor(item.Channel), client.CreateSender);
        var message = new ServiceBusMessage(JsonSerializer.SerializeToUtf8Bytes(item))
        {
            MessageId = item.MessageId,
            ContentType = "application/json",
            Subject = item.Kind,
        };
        if (delay > TimeSpan.Zero)
        {
            message.ScheduledEnqueueTime = time.GetUtcNow() + delay;
        }

        await sender.SendMessageAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in senders.Values)
        {
            await sender.DisposeAsync();
        }
    }
}
