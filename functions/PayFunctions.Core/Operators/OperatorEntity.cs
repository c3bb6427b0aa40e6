using System.Runtime.Serialization;
using PayFunctions.Core.Security;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Operators;

/// <summary>
/// A person or system that operates the platform, in its own partition of the operators table. Its
/// key is never stored: only the keyed hash, as for merchants' API keys.
/// </summary>
public sealed class OperatorEntity : TableRow
{
    public const string IdPrefix = "op_";
    public const string Row = "operator";

    public OperatorEntity() => RowKey = Row;

    [IgnoreDataMember]
    public string Id => PartitionKey;

    public string Name { get; set; } = "";

    /// <summary>Space-separated operator <see cref="ApiScopes"/>.</summary>
    public string Scopes { get; set; } = "";

    public string KeyHash { get; set; } = "";

    public string KeyPrefix { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The actor that made this operator, as the audit trail names it.</summary>
    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? DisabledAt { get; set; }

    [IgnoreDataMember]
    public IReadOnlySet<string> GrantedScopes => ApiScopes.Parse(Scopes, ApiScopes.Operator) ?? new HashSet<string>();
}
