using System.Text.Json.Serialization;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// A transaction as the query API returns it and as a payment notification's resource decrypts to. A sub-merchant's
/// order carries sp_appid, sp_mchid, sub_appid and sub_mchid instead of appid and mchid.
/// </summary>
public sealed record Transaction(
    [property: JsonPropertyName("appid")] string? AppId,
    [property: JsonPropertyName("mchid")] string? MchId,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("transaction_id")] string? TransactionId,
    [property: JsonPropertyName("trade_type")] string TradeType,
    [property: JsonPropertyName("trade_state")] string TradeState,
    [property: JsonPropertyName("trade_state_desc")] string TradeStateDesc,
    [property: JsonPropertyName("bank_type")] string? BankType,
    [property: JsonPropertyName("attach")] string? Attach,
    [property: JsonPropertyName("success_time")] string? SuccessTime,
    [property: JsonPropertyName("payer")] TransactionPayer? Payer,
    [property: JsonPropertyName("amount")] TransactionAmount Amount)
{
    [JsonPropertyName("sp_appid")]
    public string? SpAppId { get; init; }

    [JsonPropertyName("sp_mchid")]
    public string? SpMchId { get; init; }

    [JsonPropertyName("sub_appid")]
    public string? SubAppId { get; init; }

    [JsonPropertyName("sub_mchid")]
    public string? SubMchId { get; init; }
}

/// <summary>The payer: <c>openid</c>, or for a sub-merchant's order <c>sp_openid</c> or <c>sub_openid</c>.</summary>
public sealed record TransactionPayer(
    [property: JsonPropertyName("openid")] string? OpenId,
    [property: JsonPropertyName("sp_openid")] string? SpOpenId = null,
    [property: JsonPropertyName("sub_openid")] string? SubOpenId = null);

public sealed record TransactionAmount(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("payer_total")] long? PayerTotal,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("payer_currency")] string PayerCurrency);
