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

/// <summary>Body of <c>POST /v3/pay/transactions/native</c>.</summary>
internal sealed record NativePrepayBody(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("mchid")] string MchId,
    string Description,
    string OutTradeNo,
    string TimeExpire,
    string NotifyUrl,
    string? Attach,
    OrderAmount Amount);

/// <summary>The amount of an order being created, in fen.</summary>
internal sealed record OrderAmount(long Total, string Currency);

/// <summary>Answer of the Native prepay call.</summary>
internal sealed record NativePrepayAnswer(string? CodeUrl);

/// <summary>Body of the close call.</summary>
internal sealed record CloseBody([property: JsonPropertyName("mchid")] string MchId);

/// <summary>The error body every APIv3 endpoint returns with a non-2xx status.</summary>
internal sealed record ErrorAnswer(string? Code, string? Message);

/// <summary>
/// The fields of a transaction (query answer, or decrypted callback resource) that the platform acts on;
/// the others (trade_type, attach, payer, payer_total, ...) are ignored on purpose.
/// </summary>
internal sealed record TransactionResource(
    [property: JsonPropertyName("appid")] string? AppId,
    [property: JsonPropertyName("mchid")] string? MchId,
    string? OutTradeNo,
    string? TransactionId,
    string? TradeState,
    string? SuccessTime,
    TransactionAmount? Amount);

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
