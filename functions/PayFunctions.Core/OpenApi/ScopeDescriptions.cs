using PayFunctions.Core.Security;

namespace PayFunctions.Core.OpenApi;

/// <summary>What each scope of <see cref="ApiScopes"/> lets a credential do, in the words the description shows.</summary>
public static class ScopeDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [ApiScopes.Read] = "Read everything the merchant owns (every GET).",
        [ApiScopes.Payments] = "Create, close and capture payments; manage stores, the routing policy, risk rules and test webhooks.",
        [ApiScopes.Refunds] = "Refund payments.",
        [ApiScopes.Accounts] = "Manage connected accounts and their payout details.",
        [ApiScopes.ApiKeys] = "Create, list, roll and revoke API keys.",
        [ApiScopes.OpsMerchants] = "Onboard merchants.",
        [ApiScopes.OpsSettlements] = "Run settlement batches.",
        [ApiScopes.OpsChannels] = "Read channel health and dead-lettered channel work.",
        [ApiScopes.OpsFx] = "Load and read reference exchange rates.",
        [ApiScopes.OpsOperators] = "Create, list and disable operators.",
        [ApiScopes.OpsAudit] = "Read and verify the audit trail.",
        [ApiScopes.OpsKeys] = "Rewrap sealed secrets under the current key.",
        [ApiScopes.OpsReconciliation] = "Run reconciliation and work its exceptions.",
        [ApiScopes.OpsReports] = "Read platform reports and replace the IP-to-region database.",
        [ApiScopes.OpsRisk] = "Manage platform risk rules and payments held for review.",
        [ApiScopes.OpsAml] = "Manage sanctions lists, screening hits, AML reports and cases.",
    };

    public static string Of(string scope) =>
        Descriptions.TryGetValue(scope, out var description) ? description : throw new KeyNotFoundException($"The scope {scope} has no description.");
}
