using System.Text.Json;
using System.Text.Json.Serialization;
using ChannelSandbox.WeChatPay.Refunds;

namespace ChannelSandbox.WeChatPay.Notifications;

/// <summary>
/// Builds notifications whose resource is AES-256-GCM encrypted: TRANSACTION.SUCCESS with the transaction, and
/// REFUND.SUCCESS / REFUND.ABNORMAL with the refund.
/// </summary>
public sealed class NotificationFactory(WeChatPayKeys keys, TimeProvider time)
{
    public NotificationMessage Create(Transaction transaction) =>
        Build("TRANSACTION.SUCCESS", "支付成功", "transaction", JsonSerializer.Serialize(transaction, SandboxJson.Options));

    /// <summary>A refund ends SUCCESS or ABNORMAL here; WeChat Pay's third outcome, CLOSED, needs a week of insufficient funds.</summary>
    public NotificationMessage CreateRefund(RefundNotice refund) => refund.RefundStatus == nameof(RefundStatus.SUCCESS)
        ? Build("REFUND.SUCCESS", "退款成功", "refund", JsonSerializer.Serialize(refund, SandboxJson.Options))
        : Build("REFUND.ABNORMAL", "退款异常", "refund", JsonSerializer.Serialize(refund, SandboxJson.Options));

    private NotificationMessage Build(string eventType, string summary, string originalType, string plaintext)
    {
        // The associated data is the resource's type, as in WeChat Pay's published notifications.
        var nonce = WeChatPayCrypto.RandomString(12);
        var envelope = new Envelope(
            Guid.NewGuid().ToString(),
            ChinaTime.Format(time.GetUtcNow()),
            "encrypt-resource",
            eventType,
            summary,
            new Resource(originalType, "AEAD_AES_256_GCM", WeChatPayCrypto.Encrypt(keys.ApiV3Key, nonce, originalType, plaintext), originalType, nonce));
        return new NotificationMessage(envelope.Id, JsonSerializer.Serialize(envelope, SandboxJson.Options));
    }

    private sealed record Envelope(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("create_time")] string CreateTime,
        [property: JsonPropertyName("resource_type")] string ResourceType,
        [property: JsonPropertyName("event_type")] string EventType,
        [property: JsonPropertyName("summary")] string Summary,
        [property: JsonPropertyName("resource")] Resource Resource);

    private sealed record Resource(
        [property: JsonPropertyName("original_type")] string OriginalType,
        [property: JsonPropertyName("algorithm")] string Algorithm,
        [property: JsonPropertyName("ciphertext")] string Ciphertext,
        [property: JsonPropertyName("associated_data")] string AssociatedData,
        [property: JsonPropertyName("nonce")] string Nonce);
}
