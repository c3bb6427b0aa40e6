using Azure.Data.Tables;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>
/// What <see cref="RiskWindowStore.ReadAsync"/> read for one payment: the history rules see, and each partition's rows
/// as read, whose ETags <see cref="RiskWindowStore.RecordAsync"/> writes under.
/// </summary>
public sealed class RiskWindowRead
{
    internal RiskWindowRead(RiskFacts facts, RiskHistory history, IReadOnlyList<RiskWindowPartition> partitions)
    {
        Facts = facts;
        History = history;
        Partitions = partitions;
    }

    public RiskFacts Facts { get; }

    /// <summary>The payment's history, without the payment itself however often it was recorded.</summary>
    public RiskHistory History { get; }

    internal IReadOnlyList<RiskWindowPartition> Partitions { get; }
}

/// <summary>
/// One key's partition (for the merchant, the payment's shard), the filter of the rows a payment reads in it, and those
/// rows as read (for the merchant, of every shard).
/// </summary>
internal sealed record RiskWindowPartition(RiskKey Key, string PartitionKey, string RowsFilter, IReadOnlyList<TableEntity> Rows)
{
    /// <summary>Whether the payment was counted here before: a retried activity, or the result stage after the first.</summary>
    public bool Counted(string marker) => Rows.Any(r => r.PartitionKey == PartitionKey && r.RowKey == marker);
}
