using System.Net;
using System.Text.RegularExpressions;

namespace PayFunctions.Core.Audit;

/// <summary>
/// One security-relevant event, before it is chained. <paramref name="Detail"/> holds ids and counts only, never a
/// secret or a payer's details: it is stored in plain text and shown to operators.
/// </summary>
/// <param name="Type">A stable snake_case name from <see cref="AuditEventTypes"/>.</param>
/// <param name="Actor">Who did it, built by <see cref="AuditActors"/>.</param>
/// <param name="Subject">The id of the object acted on, when there is one.</param>
/// <param name="RequestId">The HTTP request's trace identifier, when the event comes from one.</param>
public sealed record AuditEvent(string Type, string Actor, string? Subject, IReadOnlyDictionary<string, object?>? Detail = null, string? RequestId = null);

/// <summary>The event names. They are stored and queried by operators: never rename one.</summary>
public static partial class AuditEventTypes
{
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRolled = "api_key.rolled";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string TokenIssued = "token.issued";
    public const string AuthenticationFailed = "authentication.failed";
    public const string MerchantCreated = "merchant.created";
    public const string SettlementRun = "settlement.run";
    public const string RoutingPolicyUpdated = "routing_policy.updated";
    public const string FxRatesLoaded = "fx_rates.loaded";
    public const string KeyRewrapRun = "key_rewrap.run";
    public const string OperatorCreated = "operator.created";
    public const string OperatorDisabled = "operator.disabled";
    public const string ReconciliationRun = "reconciliation.run";
    public const string ReconciliationExceptionResolved = "reconciliation_exception.resolved";
    public const string IpRegionsReplaced = "ip_regions.replaced";
    public const string RiskRuleCreated = "risk_rule.created";
    public const string RiskRuleUpdated = "risk_rule.updated";
    public const string RiskRuleDeleted = "risk_rule.deleted";

    public const int MaxLength = 64;

    public static bool IsWellFormed(string? type) => type is { Length: > 0 and <= MaxLength } && Shape().IsMatch(type);

    [GeneratedRegex(@"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

/// <summary>Who acted: <c>merchant:&lt;id&gt;</c>, <c>operator:&lt;id&gt;</c>, <c>anonymous:&lt;client address&gt;</c> or <c>system</c>.</summary>
public static partial class AuditActors
{
    public const string System = "system";

    public const int MaxLength = 200;

    public static string Merchant(string merchantId) => "merchant:" + merchantId;

    public static string Operator(string operatorId) => "operator:" + operatorId;

    public static string Anonymous(IPAddress? address) => "anonymous:" + (address?.ToString() ?? "unknown");

    public static bool IsWellFormed(string? actor) => actor is { Length: > 0 and <= MaxLength } && Shape().IsMatch(actor);

    [GeneratedRegex(@"^(system|(merchant|operator|anonymous):[A-Za-z0-9_.:%\-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
