using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Channel work on Azure Storage queues: Azurite locally, and valid in Azure too. Storage queues have
/// no duplicate detection; a repeated prepay is recognised by the channel itself, whose order number
/// is the payment id.
/// </summary>
public sealed class StorageQueueChannelWorkQueue(StorageClients clients, IOptions<ChannelWorkOptions> options) : IChannelWorkQueue
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> enqueued = new(StringComparer.Ordinal);

    /// <summary>The queues this host's Storage workers poll.</summary>
    public IReadOnlyList<string> Queues => options.Value.StorageQueuePrefix is { } prefix
        ? [.. ChannelRegistry.ChannelNames.Order(StringComparer.Ordinal).Select(channel => ChannelWorkQueues.StorageFor(prefix, channel))]
        : [ChannelWorkQueues.Storage];

    public Task EnqueueAsync(ChannelWorkItem item, CancellationToken cancellationToken) => EnqueueAsync(item, TimeSpan.Zero, cancellationToken);

    public async Task EnqueueAsync(ChannelWorkItem item, TimeSpan delay, CancellationToken cancellationToken)
    {
        var name = QueueFor(item.Channel);
        await clients.Queues.GetQueueClient(name).SendMessageAsync(JsonSerializer.Serialize(item), delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken);
        if (delay <= TimeSpan.Zero && enqueued.TryRemove(name, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>
    /// Completes at the next message this process puts on <paramref name="queue"/> for now, so that a poller in the
    /// same process takes it at once instead of after its pause; work from other processes waits for the pause.
    /// </summary>
    public Task EnqueuedAsync(string queue) =>
        enqueued.GetOrAdd(queue, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Sets aside a message that can never succeed, where the operator view lists it.</summary>
    public async Task SetAsideAsync(string queue, string message, CancellationToken cancellationToken) =>
        await clients.Queues.GetQueueClient(ChannelWorkQueues.PoisonOf(queue)).SendMessageAsync(message, cancellationToken);

    private string QueueFor(string channel) =>
        options.Value.StorageQueuePrefix is { } prefix && ChannelRegistry.IsKnown(channel) ? ChannelWorkQueues.StorageFor(prefix, channel) : ChannelWorkQueues.Storage;
}
