namespace PayFunctions.Core.Security;

/// <summary>
/// What a credential may do. Merchant keys and tokens carry merchant scopes (a key made without
/// naming any carries them all); operators carry operator scopes. A credential never grants more
/// than the one that made it.
/// </summary>
public static class ApiScopes
{
    /// <summary>Read every merchant resource; nothing changes.</summary>
    public const string Read = "read";

    /// <summary>Create, close and capture payments; stores; the routing policy.</summary>
    public const string Payments = "payments";

    public const string Refunds = "refunds";

    /// <summary>Connected accounts: split receivers and their payout details.</summary>
    public const string Accounts = "accounts";

    /// <summary>Issue, roll and revoke API keys: only within the caller's own scopes.</summary>
    public const string ApiKeys = "api_keys";

    public const string OpsMerchants = "ops:merchants";
    public const string OpsSettlements = "ops:settlements";
    public const string OpsChannels = "ops:channels";
    public const string OpsFx = "ops:fx";
    public const string OpsOperators = "ops:operators";
    public const string OpsAudit = "ops:audit";
    public const string OpsKeys = "ops:keys";

    /// <summary>Run reconciliation, read its runs and reports, and resolve the differences queued for operators.</summary>
    public const string OpsReconciliation = "ops:reconciliation";

    /// <summary>Platform-wide and per-merchant reports, and the IP-to-region database they locate payers with.</summary>
    public const string OpsReports = "ops:reports";

    /// <summary>Platform-wide risk rules and lists, and the payments held for review by risk decisions.</summary>
    public const string OpsRisk = "ops:risk";

    /// <summary>Anti-money-laundering: sanctions lists and screening hits, large-value and suspicious-transaction reports, cases.</summary>
    public const string OpsAml = "ops:aml";

    public static IReadOnlyList<string> Merchant { get; } = [Read, Payments, Refunds, Accounts, ApiKeys];

    public static IReadOnlyList<string> Operator { get; } = [OpsMerchants, OpsSettlements, OpsChannels, OpsFx, OpsOperators, OpsAudit, OpsKeys, OpsReconciliation, OpsReports, OpsRisk, OpsAml];

    /// <summary>Scopes as stored and as OAuth writes them: space-separated, in a fixed order.</summary>
    public static string Format(IEnumerable<string> scopes) =>
        string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>The scopes of a request's list, or null when one is missing, holds a space, or is not among <paramref name="known"/>.</summary>
    public static IReadOnlySet<string>? ParseList(IReadOnlyList<string?> scopes, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return scopes.Any(s => s is null || s.Contains(' ', StringComparison.Ordinal)) ? null : Parse(string.Join(' ', scopes), known);
    }

    /// <summary>The scopes of a space-separated list, or null when one is not among <paramref name="known"/>.</summary>
    public static IReadOnlySet<string>? Parse(string? text, IReadOnlyList<string> known)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!known.Contains(scope, StringComparer.Ordinal))
            {
                return null;
            }

            set.Add(scope);
        }

        return set;
    }
}
