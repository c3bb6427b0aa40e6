using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Routing;

/// <summary>A merchant's routing policy: partition = the merchant, one row <see cref="Row"/>.</summary>
public sealed class RoutingPolicyEntity : TableRow
{
    public const string Row = "policy";

    /// <summary>The canonical body as UTF-8 JSON: a binary property holds 64 KiB where a string holds 32 K characters.</summary>
    public byte[] PolicyJson { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
