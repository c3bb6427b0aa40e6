using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Risk;

/// <summary>
/// One rule of a merchant (partition = merchant id) or of the platform (<see cref="RiskRuleStore.PlatformScope"/>),
/// row = rule id: the rule's canonical draft as UTF-8 JSON in a binary property, which holds 64 KiB where a string
/// holds 32 K characters — a list of a thousand values needs it.
/// </summary>
public sealed class RiskRuleEntity : TableRow
{
    public byte[] DraftJson { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
