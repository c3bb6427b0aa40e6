using System.Text.Json;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Channels;

/// <summary>Channel work on Azure Storage queues: Azurite locally, and valid in Azure too.</summary>
public sealed class StorageQueueChannelWorkQueue(StorageClients clients) : IChannelWorkQueue
{
    public async Task EnqueueAsync(ChannelWorkItem item, CancellationToken cancellationToken)
    {
        var queue = clients.Queues.GetQueueClient(ChannelWorkQueues.Storage);
        await queue.SendMessageAsync(JsonSerializer.Serialize(item), cancellationToken);
    }
}
