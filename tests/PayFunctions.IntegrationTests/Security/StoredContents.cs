using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>
/// Everything in a storage account, one <see cref="ScanItem"/> at a time so that memory holds one page: every table's
/// every property, every blob, every message of every queue (poison queues included), read raw as stored.
/// </summary>
public static class StoredContents
{
    private static readonly TimeSpan Hidden = TimeSpan.FromMinutes(10);

    public static async IAsyncEnumerable<ScanItem> ReadAsync(string connectionString, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
        {
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                foreach (var (name, value) in entity)
                {
                    if (Bytes(value) is { } bytes)
                    {
                        yield return new ScanItem($"table {table.Name}, row {entity.PartitionKey}/{entity.RowKey}, property {name}", bytes);
                    }
                }
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, null, cancellationToken))
            {
                var where = $"blob {container.Name}/{blob.Name}";
                yield return new ScanItem(where, (await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToMemory());
                foreach (var (name, value) in blob.Metadata)
                {
                    yield return ScanItem.Text($"{where}, metadata {name}", value);
                }
            }
        }

        // The run is over: taking every message out of sight is how all of them are read, not just the first 32 a peek shows.
        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            var client = queues.GetQueueClient(queue.Name);
            while (true)
            {
                var messages = (await client.ReceiveMessagesAsync(32, Hidden, cancellationToken)).Value;
                if (messages.Length == 0)
                {
                    break;
                }

                foreach (var message in messages)
                {
                    yield return new ScanItem($"queue {queue.Name}, message {message.MessageId}", message.Body.ToMemory());
                }
            }
        }
    }

    private static ReadOnlyMemory<byte>? Bytes(object? value) => value switch
    {
        null => null,
        string text => System.Text.Encoding.UTF8.GetBytes(text),
        byte[] bytes => bytes,
        BinaryData data => data.ToMemory(),
        _ => System.Text.Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };
}
