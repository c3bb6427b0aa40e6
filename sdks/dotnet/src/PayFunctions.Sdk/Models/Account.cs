namespace PayFunctions;

/// <summary>A connected account: a receiver the merchant's payment splits may pay.</summary>
public sealed class Account : PayFunctionsEntity, IHasId
{
    /// <summary>The identifier, <c>acct_…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>account</c>.</summary>
    public string Object { get; set; } = "account";

    /// <summary><c>individual</c> or <c>company</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The receiver's name.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>active</c> or <c>deactivated</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>Where the account is paid, masked.</summary>
    public PayoutMethod PayoutMethod { get; set; } = new();

    /// <summary>Whether payouts may be made to the account.</summary>
    public bool PayoutsEnabled { get; set; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the account was deactivated.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}

/// <summary>Where a connected account is paid, with its numbers masked.</summary>
public sealed class PayoutMethod : PayFunctionsEntity
{
    /// <summary><c>bank_account</c> or <c>wechat_pay</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The bank account, when <see cref="Type"/> is <c>bank_account</c>.</summary>
    public MaskedBankAccount? BankAccount { get; set; }

    /// <summary>The WeChat Pay receiver, when <see cref="Type"/> is <c>wechat_pay</c>.</summary>
    public MaskedWeChatPayReceiver? WechatPay { get; set; }
}

/// <summary>A bank account, masked.</summary>
public sealed class MaskedBankAccount : PayFunctionsEntity
{
    /// <summary>The bank.</summary>
    public string BankName { get; set; } = "";

    /// <summary>The last four digits of the number.</summary>
    public string Last4 { get; set; } = "";
}

/// <summary>A WeChat Pay receiver, masked.</summary>
public sealed class MaskedWeChatPayReceiver : PayFunctionsEntity
{
    /// <summary>The last four characters of the openid.</summary>
    public string Last4 { get; set; } = "";
}
