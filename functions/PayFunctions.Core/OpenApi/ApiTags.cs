namespace PayFunctions.Core.OpenApi;

/// <summary>The groups operations are filed under, and what each holds.</summary>
public static class ApiTags
{
    public const string Payments = "Payments";
    public const string Refunds = "Refunds";
    public const string Accounts = "Connected accounts";
    public const string ApiKeys = "API keys";
    public const string Balance = "Balance and settlements";
    public const string Stores = "Stores";
    public const string Routing = "Routing";
    public const string RiskRules = "Risk rules";
    public const string Webhooks = "Webhooks";
    public const string Reports = "Reports";
    public const string Authentication = "Authentication";
    public const string PayerPages = "Payer pages";
    public const string ChannelCallbacks = "Channel callbacks";
    public const string Consoles = "Consoles";
    public const string Platform = "Platform";
    public const string Merchants = "Merchants";
    public const string Operators = "Operators";
    public const string Settlement = "Settlement";
    public const string Reconciliation = "Reconciliation";
    public const string Channels = "Channels";
    public const string Fx = "Reference rates";
    public const string Audit = "Audit trail";
    public const string Keys = "Key management";
    public const string Risk = "Risk";
    public const string Screening = "Sanctions screening";
    public const string Aml = "Anti-money laundering";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [Payments] = "A payment is one order at one channel account, followed from creation to its end; its id is the orchestration's.",
        [Refunds] = "Money given back from a paid payment, in part or whole, at the channel it was paid through.",
        [Accounts] = "Receivers the merchant splits payments to, with their payout details.",
        [ApiKeys] = "The merchant's keys: scoped, optionally requiring signed requests, rolled with a grace period.",
        [Balance] = "What the platform owes the merchant and what is on its way.",
        [Stores] = "Fixed codes a payer scans to pay a store, and their QR images.",
        [Routing] = "The merchant's policy for choosing a channel account, and the accounts it may choose from.",
        [RiskRules] = "The merchant's own rules, decided on every payment beside the platform's.",
        [Webhooks] = "Where events are delivered, what was delivered, and a test event.",
        [Reports] = "Payments summed by day, method or channel.",
        [Authentication] = "OAuth 2.0 client-credentials tokens and the keys that verify them.",
        [PayerPages] = "Pages payers open in a browser: the hosted cashier and store codes. Not called by merchants.",
        [ChannelCallbacks] = "Where the channels notify payment and refund results, each in its own protocol. Not called by merchants.",
        [Consoles] = "The merchant's and the operator's web consoles and the files they load.",
        [Platform] = "Health, the public status page, these descriptions and their rendered references.",
        [Merchants] = "Onboarding merchants.",
        [Operators] = "The platform's operators: named identities with scopes and keys of their own.",
        [Settlement] = "Running a day's settlement batch.",
        [Reconciliation] = "Matching the channels' statements against the ledger, and the exceptions left over.",
        [Channels] = "Channel health and channel work that could not be done.",
        [Fx] = "Reference exchange rates quotes are made from.",
        [Audit] = "The hash-chained record of who did what.",
        [Keys] = "Rewrapping sealed secrets after a key rotation.",
        [Risk] = "Platform risk rules, and payments held for review.",
        [Screening] = "Sanctions lists and the hits screening found.",
        [Aml] = "Daily reports and cases.",
    };

    public static string Description(string tag) =>
        Descriptions.TryGetValue(tag, out var description) ? description : throw new KeyNotFoundException($"The tag {tag} has no description.");
}
