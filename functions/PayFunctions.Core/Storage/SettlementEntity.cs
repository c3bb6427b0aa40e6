using System.Runtime.Serialization;

namespace PayFunctions.Core.Storage;

/// <summary>One receiver's T+1 batch for one currency, keyed so a re-run of the same day writes nothing new.</summary>
public sealed class SettlementEntity : TableRow
{
    public string SettlementDate { get; set; } = "";

    public DateTimeOffset CutoffUtc { get; set; }

    public long Amount { get; set; }

    public string Currency { get; set; } = "";

    public string JournalEntryId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    [IgnoreDataMember]
    public string AccountId => PartitionKey;

    [IgnoreDataMember]
    public string Id => RowKey;
}
