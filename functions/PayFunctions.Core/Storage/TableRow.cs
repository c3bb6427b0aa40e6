using Azure;
using Azure.Data.Tables;

namespace PayFunctions.Core.Storage;

/// <summary>The four system properties every table entity carries; the ETag is what optimistic concurrency checks.</summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
