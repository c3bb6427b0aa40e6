using System.Runtime.Serialization;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Merchants;

/// <summary>
/// A merchant's profile: the row <see cref="Row"/> of the merchant's own partition of the merchants
/// table, next to its API keys, so onboarding writes both in one transaction.
/// </summary>
public sealed class MerchantEntity : TableRow
{
    public const string Row = "merchant";

    public MerchantEntity() => RowKey = Row;

    [IgnoreDataMember]
    public string Id
    {
        get => PartitionKey;
        set => PartitionKey = value;
    }

    public string Name { get; set; } = "";

    /// <summary>
    /// True for a merchant's test-mode partition: reached only by <c>sk_test_</c> keys, routed only to sandbox
    /// channel accounts, posted to the test book. Rows written before there were modes are live.
    /// </summary>
    public bool TestMode { get; set; }

    /// <summary>The merchant's other partition: the test-mode twin of a live merchant, or the live merchant of a twin.</summary>
    public string? TwinId { get; set; }

    public string? WebhookUrl { get; set; }

    public int FeeBasisPoints { get; set; }

    public long FeeFixedMinorUnits { get; set; }

    /// <summary>The ISO 4217 code the merchant is paid in; rows from before there was a choice are in CNY.</summary>
    public string SettlementCurrency { get; set; } = Currency.Cny.Code;

    /// <summary>The webhook signing secret, sealed by <see cref="Secrets.SecretEnvelope"/> under <see cref="WebhookSecretContext"/>.</summary>
    public string WebhookSecretSealed { get; set; } = "";

    [IgnoreDataMember]
    public FeeSchedule Fee => new(FeeBasisPoints, FeeFixedMinorUnits);

    [IgnoreDataMember]
    public Currency SettlementCurrencyValue => Currency.TryParse(SettlementCurrency, out var currency) ? currency : Currency.Cny;

    public static string WebhookSecretContext(string merchantId) => $"merchants/{merchantId}/webhook_secret";

    /// <summary>The id of a live merchant's test-mode twin; live ids never end so, as generated ids hold no underscore after <c>mch_</c>.</summary>
    public static string TestTwinId(string liveMerchantId) => liveMerchantId + "_test";
}
