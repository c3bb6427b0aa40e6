using System.Runtime.Serialization;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Accounts;

/// <summary>
/// A connected account: a receiver a merchant may name in its splits (Stripe Connect's connected
/// account, WeChat Pay's 分账接收方). Partition = the merchant, so another merchant's account is
/// simply not found. The payout details are sealed; only what identifies them to a person (the
/// bank's name, the last four characters) is kept in the clear.
/// </summary>
public sealed class AccountEntity : TableRow
{
    public const string IdPrefix = "acct_";
    public const string Individual = "individual";
    public const string Company = "company";
    public const string BankAccount = "bank_account";
    public const string WeChatPay = "wechat_pay";

    [IgnoreDataMember]
    public string MerchantId => PartitionKey;

    [IgnoreDataMember]
    public string Id => RowKey;

    /// <summary><see cref="Individual"/> or <see cref="Company"/>.</summary>
    public string Type { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary><see cref="BankAccount"/> or <see cref="WeChatPay"/>.</summary>
    public string PayoutType { get; set; } = "";

    public string? PayoutBankName { get; set; }

    public string PayoutLast4 { get; set; } = "";

    /// <summary>The full payout details as JSON, sealed by <see cref="Secrets.SecretEnvelope"/> under <see cref="PayoutContext"/>.</summary>
    public string PayoutSealed { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    [IgnoreDataMember]
    public bool IsActive => DeactivatedAt is null;

    public static string PayoutContext(string merchantId, string accountId) => $"accounts/{merchantId}/{accountId}/payout_method";
}
