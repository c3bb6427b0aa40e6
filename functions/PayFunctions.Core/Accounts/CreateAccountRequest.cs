using PayFunctions.Core.Http;

namespace PayFunctions.Core.Accounts;

/// <summary>The body of <c>POST /api/v1/accounts</c>.</summary>
public sealed record CreateAccountRequest([property: RequiredParameter] string? Type, string? Name, [property: RequiredParameter] PayoutMethodBody? PayoutMethod);

/// <summary>How the receiver is paid: <c>type</c> names which one of the other fields is set.</summary>
public sealed record PayoutMethodBody([property: RequiredParameter] string? Type, BankAccountBody? BankAccount, WeChatPayReceiverBody? WechatPay);

public sealed record BankAccountBody(string? AccountHolderName, string? BankName, string? AccountNumber);

/// <summary>A WeChat Pay personal receiver (PERSONAL_OPENID): the person's openid under the platform's app id.</summary>
public sealed record WeChatPayReceiverBody(string? Openid);
