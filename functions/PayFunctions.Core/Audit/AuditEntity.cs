using Azure;
using Azure.Data.Tables;

namespace PayFunctions.Core.Audit;

/// <summary>
/// One link of the chain. The row key is the sequence number inverted and zero-padded, so the partition reads
/// newest first: the head is the first row, and operators page from the latest event back.
/// </summary>
public sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public long Sequence { get; set; }

    public string Type { get; set; } = "";

    public string Actor { get; set; } = "";

    public string? Subject { get; set; }

    /// <summary>The detail object as the canonical JSON that was hashed.</summary>
    public string Detail { get; set; } = "{}";

    /// <summary>When it was appended, to the millisecond; never earlier than the record before it.</summary>
    public DateTimeOffset Time { get; set; }

    public string? RequestId { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
