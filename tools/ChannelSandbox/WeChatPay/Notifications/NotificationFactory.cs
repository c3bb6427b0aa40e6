using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelSandbox.WeChatPay.Notifications;

/// <summary>Builds the TRANSACTION.SUCCESS notification whose resource is the transaction, AES-256-GCM encrypted.</summary>
public sealed class NotificationFactory(WeChatPayKeys keys, TimeProvider time)
{
    private const string AssociatedData = "transaction";

    public NotificationMessage Create(Transaction transaction)
    {
        var nonce = WeChatPayCrypto.RandomString(12);
        var plaintext = JsonSerializer.Serialize(transaction, SandboxJson.Options);
        var envelope = new Envelope(
            Guid.NewGuid().ToString(),
            ChinaTime.Format(time.GetUtcNow()),
            "encrypt-resource",
            "TRANSACTION.SUCCESS",
            "支付成功",
            new Resource("transaction", "AEAD_AES_256_GCM", WeChatPayCrypto.Encrypt(keys.ApiV3Key, nonce, AssociatedData, plaintext), AssociatedData, nonce));
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
