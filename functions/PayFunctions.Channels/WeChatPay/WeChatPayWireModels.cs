using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>The JSON settings shared by every APIv3 request and response.</summary>
internal static class WeChatPayJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>
/// Whose order a request is about: <c>appid</c> and <c>mchid</c> for a direct merchant; <c>sp_appid</c>, <c>sp_mchid</c>,
/// <c>sub_appid</c> and <c>sub_mchid</c> for a service provider acting for a sub-merchant. Unset fields are not sent.
/// </summary>
internal record MerchantIdentity
{
    [JsonPropertyName("appid")]
    public string? AppId { get; init; }

    [JsonPropertyName("mchid")]
    public string? MchId { get; init; }

    public string? SpAppid { get; init; }

    public string? SpMchid { get; init; }

    public string? SubAppid { get; init; }

    public string? SubMchid { get; init; }
}

/// <summary>
/// Body of <c>POST /v3/pay/[partner/]transactions/{native|jsapi|app|h5}</c>: the same fields for every scenario, plus
/// <c>payer</c> for JSAPI and mini-programs and <c>scene_info</c> for H5.
/// </summary>
internal sealed record PrepayBody(
    [property: JsonIgnore] MerchantIdentity Merchant,
    string Description,
    string OutTradeNo,
    string TimeExpire,
    string NotifyUrl,
    string? Attach,
    OrderAmount Amount) : MerchantIdentity(Merchant)
{
    public PrepayPayer? Payer { get; init; }

    public PrepaySceneInfo? SceneInfo { get; init; }
}

/// <summary>The payer of a JSAPI or mini-program order: <c>openid</c>, or for a service provider <c>sp_openid</c> or <c>sub_openid</c>.</summary>
internal sealed record PrepayPayer
{
    public string? Openid { get; init; }

    public string? SpOpenid { get; init; }

    public string? SubOpenid { get; init; }
}

/// <summary>The scene of an H5 order: the payer's IP and the kind of page.</summary>
internal sealed record PrepaySceneInfo(string PayerClientIp, H5Info H5Info);

/// <summary>The H5 page kind: "Wap", "iOS" or "Android".</summary>
internal sealed record H5Info(string Type);

/// <summary>Body of <c>POST /v3/pay/transactions/codepay</c>: no notify_url, a payment-code order is never notified.</summary>
internal sealed record CodePayBody(
    [property: JsonIgnore] MerchantIdentity Merchant,
    string Description,
    string OutTradeNo,
    string? Attach,
    CodePayPayer Payer,
    OrderAmount Amount,
    CodePaySceneInfo SceneInfo) : MerchantIdentity(Merchant);

/// <summary>The payment code scanned from the payer's phone.</summary>
internal sealed record CodePayPayer(string AuthCode);

/// <summary>The till's store, required by the payment-code API.</summary>
internal sealed record CodePaySceneInfo(CodePayStoreInfo StoreInfo);

/// <summary>The merchant's own code for the store.</summary>
internal sealed record CodePayStoreInfo(string OutId);


/// <summary>Answer of a prepay call: <c>code_url</c> (Native), <c>prepay_id</c> (JSAPI, App) or <c>h5_url</c> (H5).</summary>
internal sealed record PrepayAnswer(string? CodeUrl, string? PrepayId, string? H5Url);

/// <summary>The amount of an order being created, in fen.</summary>
internal sealed record OrderAmount(long Total, string Currency);

/// <summary>The error body every APIv3 endpoint returns with a non-2xx status.</summary>
internal sealed record ErrorAnswer(string? Code, string? Message);

/// <summary>
/// The fields of a transaction (query answer, or decrypted callback resource) that the platform acts on;
/// the others (attach, payer_total, promotion_detail, ...) are ignored on purpose.
/// </summary>
internal sealed record TransactionResource(
    [property: JsonPropertyName("appid")] string? AppId,
    [property: JsonPropertyName("mchid")] string? MchId,
    string? OutTradeNo,
    string? TransactionId,
    string? TradeState,
    string? SuccessTime,
    TransactionAmount? Amount)
{
    /// <summary><c>MICROPAY</c> for a payment-code order, the only kind WeChat Pay reverses.</summary>
    public string? TradeType { get; init; }

    /// <summary>The service provider's application of a sub-merchant's order (instead of <c>appid</c>).</summary>
    public string? SpAppid { get; init; }

    /// <summary>The service provider of a sub-merchant's order (instead of <c>mchid</c>).</summary>
    public string? SpMchid { get; init; }

    /// <summary>The sub-merchant a service provider's order is for.</summary>
    public string? SubMchid { get; init; }

    /// <summary>
    /// Who paid: <c>openid</c> under the order's app, or for a sub-merchant's order <c>sp_openid</c> or <c>sub_openid</c>.
    /// Read as it came, like <see cref="BankType"/>: what a channel says of the payer is dropped when malformed, and must not
    /// make the transaction unreadable.
    /// </summary>
    public JsonElement Payer { get; init; }

    /// <summary>What the payer paid with: <c>OTHERS</c> for the WeChat balance, else the bank and card kind (e.g. <c>CMC</c>, <c>ICBC_DEBIT</c>).</summary>
    public JsonElement BankType { get; init; }
}

/// <summary>
/// The amount block of a transaction. <c>total</c> is what the order was created for and what is compared
/// with the platform's order; <c>payer_total</c> differs from it when a coupon paid part.
/// </summary>
internal sealed record TransactionAmount(long? Total, string? Currency);

/// <summary>The outer, unencrypted envelope of a callback (create_time, resource_type and summary are not used).</summary>
internal sealed record NotificationEnvelope(string? Id, string? EventType, NotificationResource? Resource);

/// <summary>The encrypted resource of a callback.</summary>
internal sealed record NotificationResource(
    string? OriginalType,
    string? Algorithm,
    string? Ciphertext,
    string? AssociatedData,
    string? Nonce);

/// <summary>Body of <c>POST /v3/refund/domestic/refunds</c>; a service provider names the sub-merchant in <c>sub_mchid</c>.</summary>
internal sealed record RefundBody(string? SubMchid, string OutTradeNo, string OutRefundNo, string? Reason, string NotifyUrl, RefundBodyAmount Amount);

/// <summary>The amounts of a refund request, in fen: this refund, and the order's total.</summary>
internal sealed record RefundBodyAmount(long Refund, long Total, string Currency);

/// <summary>
/// The fields of a refund (refund answer, refund query, or decrypted refund callback, where the status is
/// <c>refund_status</c>) that the platform acts on.
/// </summary>
internal sealed record RefundResource(
    [property: JsonPropertyName("mchid")] string? MchId,
    string? RefundId,
    string? OutRefundNo,
    string? TransactionId,
    string? OutTradeNo,
    string? Status,
    string? RefundStatus,
    string? SuccessTime,
    RefundAmount? Amount)
{
    /// <summary>The service provider of a sub-merchant's refund callback (instead of <c>mchid</c>).</summary>
    public string? SpMchid { get; init; }

    /// <summary>The sub-merchant of a service provider's refund callback.</summary>
    public string? SubMchid { get; init; }
}

/// <summary>The amount block of a refund: the order's <c>total</c> and this <c>refund</c>, in fen.</summary>
internal sealed record RefundAmount(long? Total, long? Refund, string? Currency);

/// <summary>The answer of <c>GET /v3/bill/tradebill</c>: where to fetch the bill, and the digest of the uncompressed file.</summary>
internal sealed record TradeBillResource(string? HashType, string? HashValue, string? DownloadUrl);
