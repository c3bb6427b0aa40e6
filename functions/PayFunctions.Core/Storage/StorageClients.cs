using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace PayFunctions.Core.Storage;

/// <summary>Service clients for the one storage account: a connection string locally, managed identity in Azure.</summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<StorageOptions> options)
        : this(options.Value, new TableClientOptions())
    {
    }

    /// <summary>Clients whose every request is counted.</summary>
    public StorageClients(IOptions<StorageOptions> options, StorageRequestCounter counter)
        : this(
            options.Value,
            counter.Attach(new TableClientOptions(), StorageRequestCounter.Platform, StorageService.Table),
            counter.Attach(QueueOptions(), StorageRequestCounter.Platform, StorageService.Queue),
            counter.Attach(new BlobClientOptions(), StorageRequestCounter.Platform, StorageService.Blob))
    {
    }

    /// <summary>With table client options of the caller's, e.g. a pipeline policy that fails chosen requests.</summary>
    public StorageClients(StorageOptions options, TableClientOptions tableOptions)
        : this(options, tableOptions, QueueOptions(), new BlobClientOptions())
    {
    }

    private StorageClients(StorageOptions options, TableClientOptions tableOptions, QueueClientOptions queueOptions, BlobClientOptions blobOptions)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }
        else
        {
            var credential = new DefaultAzureCredential();
            Tables = new TableServiceClient(new Uri($"https://{options.AccountName}.table.core.windows.net"), credential, tableOptions);
            Blobs = new BlobServiceClient(new Uri($"https://{options.AccountName}.blob.core.windows.net"), credential, blobOptions);
            Queues = new QueueServiceClient(new Uri($"https://{options.AccountName}.queue.core.windows.net"), credential, queueOptions);
        }
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    private static QueueClientOptions QueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };
}
