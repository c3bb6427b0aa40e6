using PayFunctions.Core.Accounts;

namespace PayFunctions.Core.Accounts;

/// <summary>
/// A connected account as merchants see it: payout details masked to the bank's name and the last four characters, and
/// whether it is paid out (false while a sanctions screening hit on it awaits review or was confirmed).
/// </summary>
public sealed record AccountResource(
    string Id,
    string Object,
    string Type,
    string Name,
    string Status,
    PayoutMethodResource PayoutMethod,
    bool PayoutsEnabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeactivatedAt)
{
    public static AccountResource From(AccountEntity a, bool payoutsEnabled) => new(
        a.Id,
        "account",
        a.Type,
        a.Name,
        a.IsActive ? "active" : "inactive",
        a.PayoutType == AccountEntity.BankAccount
            ? new PayoutMethodResource(a.PayoutType, new MaskedBankAccount(a.PayoutBankName ?? "", a.PayoutLast4), null)
            : new PayoutMethodResource(a.PayoutType, null, new MaskedWeChatPayReceiver(a.PayoutLast4)),
        payoutsEnabled,
        a.CreatedAt,
        a.DeactivatedAt);
}

public sealed record PayoutMethodResource(string Type, MaskedBankAccount? BankAccount, MaskedWeChatPayReceiver? WechatPay);

public sealed record MaskedBankAccount(string BankName, string Last4);

public sealed record MaskedWeChatPayReceiver(string Last4);
