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

    /// <summary>With table client options of the caller's, e.g. a pipeline policy that fails chosen requests.</summary>
    public StorageClients(StorageOptions options, TableClientOptions tableOptions)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(options.ConnectionString);
            Queues = new QueueServiceClient(options.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        }
        else
        {
            var credential = new DefaultAzureCredential();
            Tables = new TableServiceClient(new Uri($"https://{options.AccountName}.table.core.windows.net"), credential, tableOptions);
            Blobs = new BlobServiceClient(new Uri($"https://{options.AccountName}.blob.core.windows.net"), credential);
            Queues = new QueueServiceClient(
                new Uri($"https://{options.AccountName}.queue.core.windows.net"),
                credential,
                new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        }
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }
}
