using System.Security.Cryptography;
using System.Text;

namespace ChannelSandbox.WeChatPay;

/// <summary>The channel's half of the key material: what WeChat Pay itself holds for one merchant.</summary>
public sealed class WeChatPayKeys(RSA merchantPublicKey, RSA platformPrivateKey, string apiV3Key, string appSecret) : IDisposable
{
    /// <summary>Verifies the merchant's request signatures.</summary>
    public RSA MerchantPublicKey { get; } = merchantPublicKey;

    /// <summary>Signs responses and notifications.</summary>
    public RSA PlatformPrivateKey { get; } = platformPrivateKey;

    /// <summary>The AES-256-GCM key that encrypts notification resources.</summary>
    public byte[] ApiV3Key { get; } = Encoding.ASCII.GetBytes(apiV3Key);

    /// <summary>The official account's AppSecret, which the web authorization's code exchange checks.</summary>
    public string AppSecret { get; } = appSecret;

    public void Dispose()
    {
        MerchantPublicKey.Dispose();
        PlatformPrivateKey.Dispose();
    }
}
