using Azure;
using Azure.Data.Tables;

namespace PayFunctions.Core.Storage;

public sealed class IdempotencyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RequestHash { get; set; } = "";

    public string ResourceId { get; set; } = "";

    public bool Completed { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int ResponseStatus { get; set; }

    public string? ResponseBody { get; set; }

    public string? ResponseContentType { get; set; }
}
