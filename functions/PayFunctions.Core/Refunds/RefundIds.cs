using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Refunds;

/// <summary>Refund ids: <see cref="NewestFirstIds"/> under the "re_" prefix, as card-payment APIs name them.</summary>
public sealed class RefundIds(TimeProvider time)
{
    public const string Prefix = "re_";

    public static bool IsWellFormed(string? id) => NewestFirstIds.IsWellFormed(id, Prefix);

    public string NewId() => NewestFirstIds.New(Prefix, time);
}
