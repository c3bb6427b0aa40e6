using PayFunctions.Core.Storage;
namespace PayFunctions.Core.Settlements;

/// <summary>What became of one settlement day (partition "day", row = yyyy-MM-dd).</summary>
public sealed class SettlementDayEntity : TableRow
{
    public string Status { get; set; } = "";

    public int Accounts { get; set; }

    public int Recorded { get; set; }

    public int Failed { get; set; }

    /// <summary>Accounts not paid because their payouts are held by a sanctions screening hit.</summary>
    public int Held { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public static class SettlementDayStatus
{
    public const string Scheduled = "scheduled";
    public const string Completed = "completed";

    /// <summary>Some accounts failed; the day runs again (by the daily run, or by hand) until it completes.</summary>
    public const string Partial = "partial";

    /// <summary>Not even the plan could be read.</summary>
    public const string Failed = "failed";
}
