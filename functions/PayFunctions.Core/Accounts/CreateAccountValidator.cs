using System.Text.Json;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Accounts;

/// <summary>
/// Checks a new connected account fully before anything is written. The payout details are what a
/// platform needs to pay the receiver out: a bank account (holder, bank, number), or for WeChat Pay
/// splits a personal receiver's openid. Error messages never repeat the values.
/// </summary>
public static class CreateAccountValidator
{
    public const int MaxNameLength = 100;

    public sealed record Valid(string Type, string Name, string PayoutType, string? BankName, string Last4, string PayoutDetailsJson);

    public static (Valid? Value, ApiError? Error) Validate(CreateAccountRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.Type))
        {
            return Fail(ApiError.MissingParameter("type"));
        }

        if (r.Type is not (AccountEntity.Individual or AccountEntity.Company))
        {
            return Fail(ApiError.InvalidRequest("type", "type must be individual or company."));
        }

        if (Text(r.Name, "name") is { } nameError)
        {
            return Fail(nameError);
        }

        if (r.PayoutMethod is null)
        {
            return Fail(ApiError.MissingParameter("payout_method"));
        }

        return r.PayoutMethod.Type switch
        {
            null or "" => Fail(ApiError.MissingParameter("payout_method.type")),
            AccountEntity.BankAccount => BankAccount(r, r.PayoutMethod),
            AccountEntity.WeChatPay => WeChatPay(r, r.PayoutMethod),
            _ => Fail(ApiError.InvalidRequest("payout_method.type", "payout_method.type must be bank_account or wechat_pay.")),
        };
    }

    private static (Valid?, ApiError?) BankAccount(CreateAccountRequest r, PayoutMethodBody payout)
    {
        if (payout.WechatPay is not null)
        {
            return Fail(ApiError.InvalidRequest("payout_method.wechat_pay", "Set only the object payout_method.type names."));
        }

        if (payout.BankAccount is not { } bank)
        {
            return Fail(ApiError.MissingParameter("payout_method.bank_account"));
        }

        if (Text(bank.AccountHolderName, "payout_method.bank_account.account_holder_name") is { } holderError)
        {
            return Fail(holderError);
        }

        if (Text(bank.BankName, "payout_method.bank_account.bank_name") is { } bankError)
        {
            return Fail(bankError);
        }

        const string numberParam = "payout_method.bank_account.account_number";
        if (string.IsNullOrEmpty(bank.AccountNumber))
        {
            return Fail(ApiError.MissingParameter(numberParam));
        }

        // Chinese bank card numbers are 16–19 digits; IBANs up to 34 letters and digits.
        if (bank.AccountNumber.Length is < 6 or > 34 || !bank.AccountNumber.All(char.IsAsciiLetterOrDigit))
        {
            return Fail(ApiError.InvalidRequest(numberParam, "account_number must be 6 to 34 letters and digits, without spaces."));
        }

        var details = JsonSerializer.Serialize(new PayoutDetails(AccountEntity.BankAccount, bank.AccountHolderName, bank.BankName, bank.AccountNumber, null), ApiJson.Options);
        return (new Valid(r.Type!, r.Name!, AccountEntity.BankAccount, bank.BankName, bank.AccountNumber[^4..], details), null);
    }

    private static (Valid?, ApiError?) WeChatPay(CreateAccountRequest r, PayoutMethodBody payout)
    {
        if (r.Type != AccountEntity.Individual)
        {
            return Fail(ApiError.InvalidRequest("payout_method.type", "A wechat_pay receiver is a person's openid; a company account takes a bank_account."));
        }

        if (payout.BankAccount is not null)
        {
            return Fail(ApiError.InvalidRequest("payout_method.bank_account", "Set only the object payout_method.type names."));
        }

        const string openidParam = "payout_method.wechat_pay.openid";
        if (string.IsNullOrEmpty(payout.WechatPay?.Openid))
        {
            return Fail(ApiError.MissingParameter(openidParam));
        }

        var openid = payout.WechatPay.Openid;
        if (openid.Length is < 6 or > 64 || !openid.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return Fail(ApiError.InvalidRequest(openidParam, "openid must be 6 to 64 letters, digits, '_' or '-'."));
        }

        var details = JsonSerializer.Serialize(new PayoutDetails(AccountEntity.WeChatPay, null, null, null, openid), ApiJson.Options);
        return (new Valid(r.Type!, r.Name!, AccountEntity.WeChatPay, null, openid[^4..], details), null);
    }

    private static ApiError? Text(string? value, string param)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ApiError.MissingParameter(param);
        }

        return value.Length > MaxNameLength || value.Any(char.IsControl)
            ? ApiError.InvalidRequest(param, $"{param} must be at most {MaxNameLength} printable characters.")
            : null;
    }

    private static (Valid?, ApiError?) Fail(ApiError error) => (null, error);

    /// <summary>What is sealed: everything needed to pay the receiver out.</summary>
    private sealed record PayoutDetails(string Type, string? AccountHolderName, string? BankName, string? AccountNumber, string? Openid);
}
