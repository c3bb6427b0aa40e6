using System.Text;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// The secrets of one WeChat Pay merchant account, read by the caller from the secret store.
/// <see cref="object.ToString"/> is deliberately not overridden so that the secrets never reach a log.
/// </summary>
public sealed class WeChatPayCredentials
{
    /// <summary>Validates and holds the secrets.</summary>
    /// <param name="merchantPrivateKeyPem">The merchant API private key (apiclient_key.pem, PKCS#8 or PKCS#1).</param>
    /// <param name="platformPublicKeyPem">
    /// The WeChat Pay keys, one or more PUBLIC KEY or CERTIFICATE PEM blocks in the order of <see cref="WeChatPayOptions.PlatformSerialNo"/>.
    /// </param>
    /// <param name="apiV3Key">The APIv3 key set in the merchant console; exactly 32 bytes of UTF-8.</param>
    /// <param name="appSecret">The official account's AppSecret, which exchanges a web authorization code for the payer's openid.</param>
    public WeChatPayCredentials(string merchantPrivateKeyPem, string platformPublicKeyPem, string apiV3Key, string appSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantPrivateKeyPem);
        ArgumentException.ThrowIfNullOrWhiteSpace(platformPublicKeyPem);
        ArgumentNullException.ThrowIfNull(apiV3Key);
        if (Encoding.UTF8.GetByteCount(apiV3Key) != WeChatPayResourceDecryptor.KeySizeInBytes)
        {
            throw new ArgumentException("The APIv3 key must be exactly 32 bytes of UTF-8.", nameof(apiV3Key));
        }

        MerchantPrivateKeyPem = merchantPrivateKeyPem;
        PlatformPublicKeyPem = platformPublicKeyPem;
        ApiV3Key = apiV3Key;
        AppSecret = appSecret;
    }

    /// <summary>The merchant API private key in PEM form.</summary>
    public string MerchantPrivateKeyPem { get; }

    /// <summary>The WeChat Pay platform public keys (or certificates) in PEM form, one block per configured serial.</summary>
    public string PlatformPublicKeyPem { get; }

    /// <summary>The APIv3 key that encrypts callback resources.</summary>
    public string ApiV3Key { get; }

    /// <summary>The official account's AppSecret (web authorization code exchange).</summary>
    public string AppSecret { get; }
}
