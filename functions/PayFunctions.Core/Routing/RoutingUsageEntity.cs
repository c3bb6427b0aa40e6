using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Routing;

/// <summary>
/// One instance's totals for one merchant, account and day (on the merchant's clock). Partition = the three,
/// row = the instance, so reading the partition gives every instance's share and each instance writes only its own row.
/// </summary>
public sealed class RoutingUsageEntity : TableRow
{
    /// <summary>The day, <c>yyyy-MM-dd</c>, for whoever reads the table.</summary>
    public string Day { get; set; } = "";

    public long Amount { get; set; }

    public int Count { get; set; }
}
