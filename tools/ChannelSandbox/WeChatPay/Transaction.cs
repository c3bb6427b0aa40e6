using System.Text.Json.Serialization;

namespace ChannelSandbox.WeChatPay;

/// <summary>A transaction as the query API returns it and as a payment notification's resource decrypts to.</summary>
public sealed record Transaction(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("mchid")] string MchId,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("transaction_id")] string? TransactionId,
    [property: JsonPropertyName("trade_type")] string TradeType,
    [property: JsonPropertyName("trade_state")] string TradeState,
    [property: JsonPropertyName("trade_state_desc")] string TradeStateDesc,
    [property: JsonPropertyName("bank_type")] string? BankType,
    [property: JsonPropertyName("attach")] string? Attach,
    [property: JsonPropertyName("success_time")] string? SuccessTime,
    [property: JsonPropertyName("payer")] TransactionPayer? Payer,
    [property: JsonPropertyName("amount")] TransactionAmount Amount);

public sealed record TransactionPayer([property: JsonPropertyName("openid")] string OpenId);

public sealed record TransactionAmount(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("payer_total")] long? PayerTotal,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("payer_currency")] string PayerCurrency);
