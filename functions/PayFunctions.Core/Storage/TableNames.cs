namespace PayFunctions.Core.Storage;

public static class TableNames
{
    public const string Payments = "payments";
    public const string Idempotency = "idempotency";
    /// <summary>One partition per merchant: its profile and its API keys.</summary>
    public const string Merchants = "merchants";

    /// <summary>Keyed hashes of API keys, pointing at the key's row in <see cref="Merchants"/>.</summary>
    public const string ApiKeys = "apikeys";

    /// <summary>Operators: one partition per operator, its profile and the keyed hash of its key.</summary>
    public const string Operators = "operators";
    public const string Accounts = "accounts";
    public const string Ledger = "ledger";
    public const string LedgerAccounts = "ledgeraccounts";
    public const string Settlements = "settlements";
    public const string SettlementState = "settlementstate";
    public const string SettlementDue = "settlementdue";
    public const string SettlementDays = "settlementdays";
    public const string Notifications = "notifications";
    public const string WebhookEvents = "webhookevents";
    public const string NotificationRejections = "notificationrejections";

    /// <summary>Refunds by merchant, each under its id and again under its payment for listing.</summary>
    public const string Refunds = "refunds";

    /// <summary>Per payment: what is reserved and refunded, changed only under the row's ETag.</summary>
    public const string RefundBalances = "refundbalances";

    /// <summary>One partition per merchant: its stores.</summary>
    public const string Stores = "stores";

    /// <summary>A store's code, pointing at its row in <see cref="Stores"/>.</summary>
    public const string StoreCodes = "storecodes";

    /// <summary>Reference exchange rates, one row per source and day, newest first.</summary>
    public const string FxRates = "fxrates";

    /// <summary>Credits held in suspense for an operator, by channel.</summary>
    public const string UnmatchedCredits = "unmatchedcredits";

    /// <summary>Channel accounts' recent health, one row per account and instance.</summary>
    public const string ChannelHealth = "channelhealth";

    /// <summary>One row per merchant: its routing policy.</summary>
    public const string RoutingPolicies = "routingpolicies";

    /// <summary>Per merchant, channel account and day: each instance's routed totals, one row per instance.</summary>
    public const string RoutingUsage = "routingusage";

    /// <summary>The audit trail's hash chain: one partition, newest record first.</summary>
    public const string AuditEvents = "auditevents";

    /// <summary>Ended payments and refunds by channel account and booking day, for reconciliation.</summary>
    public const string ReconciliationIndex = "reconciliationindex";

    /// <summary>Each statement day's reconciliation of each channel account: one partition per day.</summary>
    public const string ReconciliationRuns = "reconciliationruns";

    /// <summary>The differences reconciliation found, with how each was resolved: one partition per statement day.</summary>
    public const string ReconciliationDifferences = "reconciliationdifferences";

    /// <summary>Report counters, one partition per merchant (or platform shard) and local day; see <c>ReportKeys</c>.</summary>
    public const string Reports = "reports";

    /// <summary>Payments risk sent to review, one partition, newest payment first: the operators' queue.</summary>
    public const string RiskReviews = "riskreviews";

    /// <summary>Sanctions screening hits and their reviews: one partition; see <c>ScreeningHitStore</c>.</summary>
    public const string ScreeningHits = "screeninghits";

    /// <summary>Succeeded payments by mode and day, for anti-money-laundering monitoring; see <c>AmlIndex</c>.</summary>
    public const string AmlIndex = "amlindex";

    /// <summary>Anti-money-laundering cases, one partition per day (newest first).</summary>
    public const string AmlCases = "amlcases";

    /// <summary>The latest anti-money-laundering report run of each day.</summary>
    public const string AmlRuns = "amlruns";

    /// <summary>Risk's sliding windows: one partition per payer, IP, device, card (each hashed) and merchant shard; see <c>RiskWindowKeys</c>.</summary>
    public const string RiskWindows = "riskwindows";

    /// <summary>Risk rules: one partition per merchant, and one for the platform's.</summary>
    public const string RiskRules = "riskrules";

    public const string NotificationArchiveContainer = "channel-notifications";

    /// <summary>Each reconciled statement day's report, as JSON: <c>{channel}/{account}/{day}.json</c>.</summary>
    public const string ReconciliationReportContainer = "reconciliation-reports";

    /// <summary>Each day's anti-money-laundering report files: <c>{yyyyMMdd}/large_value.json</c>, <c>{yyyyMMdd}/suspicious.json</c>.</summary>
    public const string AmlReportContainer = "aml-reports";

    public static IReadOnlyList<string> All { get; } =
        [Payments, Idempotency, Merchants, ApiKeys, Operators, Accounts, Ledger, LedgerAccounts, Settlements, SettlementState, SettlementDue, SettlementDays, Notifications, WebhookEvents, NotificationRejections, Refunds, RefundBalances, Stores, StoreCodes, FxRates,
            UnmatchedCredits,
            ChannelHealth, RoutingPolicies, RoutingUsage, AuditEvents, ReconciliationIndex, ReconciliationRuns, ReconciliationDifferences, Reports,
            RiskReviews, ScreeningHits, AmlIndex, AmlCases, AmlRuns, RiskWindows, RiskRules];
}
