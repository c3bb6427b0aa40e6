using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Storage;

/// <summary>Creates the tables, containers and channel-work queues once at start-up so request paths never have to.</summary>
public sealed class StorageInitializer(StorageClients clients, StorageQueueChannelWorkQueue work)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in TableNames.All)
        {
            await clients.Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        foreach (var container in (string[])[TableNames.NotificationArchiveContainer, TableNames.ReconciliationReportContainer, TableNames.AmlReportContainer, BlobChannelOutbox.Container, Reports.IpRegions.Container, Screening.SanctionsLists.Container, .. ChannelInbox.Containers])
        {
            await clients.Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var queue in work.Queues.Append(ChannelWorkQueues.Storage).Distinct(StringComparer.Ordinal).SelectMany(q => new[] { q, ChannelWorkQueues.PoisonOf(q) }))
        {
            await clients.Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
