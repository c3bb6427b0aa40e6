namespace PayFunctions;

/// <summary>A risk rule: a check on payments and what happens to those it matches. The kind's own parameters
/// (field, values, window, limits) are in <see cref="PayFunctionsEntity.ExtensionData"/>.</summary>
public sealed class RiskRule : PayFunctionsEntity, IHasId
{
    /// <summary>The identifier, <c>rule_…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>risk_rule</c>.</summary>
    public string Object { get; set; } = "risk_rule";

    /// <summary><c>merchant</c> (the merchant's own) or <c>platform</c> (applies to every merchant, read-only).</summary>
    public string Scope { get; set; } = "";

    /// <summary>The check: <c>list</c>, <c>velocity</c>, <c>amount_outlier</c> and others.</summary>
    public string Kind { get; set; } = "";

    /// <summary><c>block</c>, <c>review</c> or <c>allow</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>When the rule was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The answer to a deleted risk rule.</summary>
public sealed class DeletedRiskRule : PayFunctionsEntity
{
    /// <summary>The deleted rule's identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>risk_rule</c>.</summary>
    public string Object { get; set; } = "risk_rule";

    /// <summary>Always <c>true</c>.</summary>
    public bool Deleted { get; set; }
}
