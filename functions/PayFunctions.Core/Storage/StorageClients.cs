using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Configuration;

namespace PayFunctions.Core.Storage;

/// <summary>Service clients for the one storage account: a connection string locally, managed identity in Azure.</summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<StorageOptions> options)
        : this(options, new TableClientOptions())
    {
    }

    /// <summary>With table client options of the caller's, e.g. an extra pipeline policy that counts or traces requests.</summary>
    public StorageClients(IOptions<StorageOptions> options, TableClientOptions tableOptions)
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            Tables = new TableServiceClient(o.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(o.ConnectionString);
            Queues = new QueueServiceClient(o.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        }
        else
        {
            var credential = new DefaultAzureCredential();
            Tables = new TableServiceClient(new Uri($"https://{o.AccountName}.table.core.windows.net"), credential, tableOptions);
            Blobs = new BlobServiceClient(new Uri($"https://{o.AccountName}.blob.core.windows.net"), credential);
            Queues = new QueueServiceClient(
                new Uri($"https://{o.AccountName}.queue.core.windows.net"),
                credential,
                new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        }
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }
}
