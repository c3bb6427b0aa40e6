namespace PayFunctions;

/// <summary>The body of a connected account create (<c>POST /v1/accounts</c>).</summary>
public sealed class AccountCreateOptions
{
    /// <summary><c>individual</c> or <c>company</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The receiver's name.</summary>
    public string? Name { get; set; }

    /// <summary>Where the account is paid.</summary>
    public PayoutMethodOptions? PayoutMethod { get; set; }
}

/// <summary>Where a connected account is paid.</summary>
public sealed class PayoutMethodOptions
{
    /// <summary><c>bank_account</c> or <c>wechat_pay</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The bank account, for <c>bank_account</c>.</summary>
    public BankAccountOptions? BankAccount { get; set; }

    /// <summary>The WeChat Pay receiver, for <c>wechat_pay</c>.</summary>
    public WeChatPayReceiverOptions? WechatPay { get; set; }
}

/// <summary>A bank account to pay.</summary>
public sealed class BankAccountOptions
{
    /// <summary>The holder's name.</summary>
    public string? AccountHolderName { get; set; }

    /// <summary>The bank.</summary>
    public string? BankName { get; set; }

    /// <summary>The account number.</summary>
    public string? AccountNumber { get; set; }
}

/// <summary>A WeChat Pay user to pay.</summary>
public sealed class WeChatPayReceiverOptions
{
    /// <summary>The user's openid.</summary>
    public string? Openid { get; set; }
}
