using PayFunctions.Core.Storage;
namespace PayFunctions.Core.Settlements;

/// <summary>One receiver's settlement for one day and currency (partition = escaped account id, row = settlement id), written once.</summary>
public sealed class SettlementEntity : TableRow
{
    public string AccountId { get; set; } = "";

    public string SettlementDate { get; set; } = "";

    public DateTimeOffset CutoffUtc { get; set; }

    public long Amount { get; set; }

    public string Currency { get; set; } = "";

    public string JournalEntryId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    [System.Runtime.Serialization.IgnoreDataMember]
    public string Id => RowKey;
}
