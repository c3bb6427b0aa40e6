namespace PayFunctions;

/// <summary>The body of a risk rule create or update. Which members apply depends on <see cref="Kind"/>.</summary>
public sealed class RiskRuleOptions
{
    /// <summary>The check: <c>list</c>, <c>velocity</c>, <c>amount_outlier</c> and others.</summary>
    public string? Kind { get; set; }

    /// <summary><c>block</c>, <c>review</c> or <c>allow</c>.</summary>
    public string? Action { get; set; }

    /// <summary>The stages the rule runs at: <c>before_channel</c>, <c>on_result</c>.</summary>
    public List<string>? Stages { get; set; }

    /// <summary>What the rule is for.</summary>
    public string? Description { get; set; }

    /// <summary>What a velocity rule counts by.</summary>
    public string? Key { get; set; }

    /// <summary>A velocity rule's window, such as <c>1h</c>.</summary>
    public string? Window { get; set; }

    /// <summary>The most payments in the window.</summary>
    public int? MaxCount { get; set; }

    /// <summary>The most money in the window, in minor units.</summary>
    public long? MaxAmount { get; set; }

    /// <summary>The currency of <see cref="MaxAmount"/>.</summary>
    public string? Currency { get; set; }

    /// <summary>The history an outlier rule needs first.</summary>
    public int? MinCount { get; set; }

    /// <summary>An outlier rule's z-score threshold.</summary>
    public double? MinZ { get; set; }

    /// <summary>The largest share a concentration rule allows.</summary>
    public double? MaxShare { get; set; }

    /// <summary>The speed a travel rule flags.</summary>
    public double? MinKmh { get; set; }

    /// <summary>The score a model rule flags.</summary>
    public double? MinScore { get; set; }

    /// <summary>The field a list rule reads, such as <c>payer_id</c>.</summary>
    public string? Field { get; set; }

    /// <summary>The values a list rule matches.</summary>
    public List<string>? Values { get; set; }
}
