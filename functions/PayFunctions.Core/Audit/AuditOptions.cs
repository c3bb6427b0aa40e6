namespace PayFunctions.Core.Audit;

/// <summary>Where the chain lives and how authentication failures are bounded. Section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    public const string DefaultChain = "chain";

    /// <summary>The chain's partition in <see cref="Storage.TableNames.AuditEvents"/>; tests give each chain its own.</summary>
    public string Chain { get; set; } = DefaultChain;

    /// <summary>Authentication failures recorded per client address per minute; the rest are counted into the next record.</summary>
    public int FailuresPerAddressPerMinute { get; set; } = 1;

    /// <summary>Authentication failures recorded per instance per minute, whatever their addresses.</summary>
    public int FailuresPerMinute { get; set; } = 10;

    /// <summary>Client addresses remembered for the per-address bound.</summary>
    public int MaxTrackedAddresses { get; set; } = 10_000;

    public const string Rules = "Audit: Chain must be 1–64 letters or digits, FailuresPerAddressPerMinute 1–60, FailuresPerMinute 1–6000 and MaxTrackedAddresses 100–1000000.";

    public bool IsValid() =>
        Chain is { Length: > 0 and <= 64 } && Chain.All(char.IsAsciiLetterOrDigit)
        && FailuresPerAddressPerMinute is >= 1 and <= 60
        && FailuresPerMinute is >= 1 and <= 6000
        && MaxTrackedAddresses is >= 100 and <= 1_000_000;
}
