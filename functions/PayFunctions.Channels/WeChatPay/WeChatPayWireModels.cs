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

/// <summary>A transaction, as returned by the query and carried (encrypted) in payment callbacks.</summary>
internal sealed record TransactionResource(
    [property: JsonPropertyName("appid")] string? AppId,
    [property: JsonPropertyName("mchid")] string? MchId,
    string? OutTradeNo,
    string? TransactionId,
    string? TradeType,
    string? TradeState,
    string? SuccessTime,
    TransactionAmount? Amount,
    string? Attach);

/// <summary>The amount block of a transaction; <c>total</c> is what the order was created for.</summary>
internal sealed record TransactionAmount(long? Total, long? PayerTotal, string? Currency, string? PayerCurrency);

/// <summary>The outer, unencrypted envelope of a callback.</summary>
internal sealed record NotificationEnvelope(
    string? Id,
    string? CreateTime,
    string? ResourceType,
    string? EventType,
    string? Summary,
    NotificationResource? Resource);

/// <summary>The encrypted resource of a callback.</summary>
internal sealed record NotificationResource(
    string? OriginalType,
    string? Algorithm,
    string? Ciphertext,
    string? AssociatedData,
    string? Nonce);
