using PayFunctions.Core.Storage;
namespace PayFunctions.Core.Settlements;

/// <summary>The settlement watermark of one account in one currency, with the settlement that may still be on its way into the journal.</summary>
public sealed class SettlementStateEntity : TableRow
{
    public string AccountId { get; set; } = "";

    public long SettledTotal { get; set; }

    public string? PendingSettlementId { get; set; }

    public string? PendingSettlementDate { get; set; }

    public DateTimeOffset? PendingCutoffUtc { get; set; }

    public long? PendingAmount { get; set; }

    public DateTimeOffset? PendingCreatedAt { get; set; }
}
