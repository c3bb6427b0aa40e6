using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// Loads the dev key material, generating it on first start: the sandbox's side goes to
/// <c>{StateDirectory}/wechatpay.json</c>, the merchant's side to one file per secret in the secrets directory.
/// </summary>
public static class WeChatPayKeyFiles
{
    public const string StateFileName = "wechatpay.json";
    public const string MerchantPrivateKeySecret = "wechat-pay-main-merchant-private-key";
    public const string PlatformPublicKeySecret = "wechat-pay-main-platform-public-key";
    public const string ApiV3KeySecret = "wechat-pay-main-apiv3-key";
    public const string AppSecretSecret = "wechat-pay-main-app-secret";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static WeChatPayKeys LoadOrCreate(SandboxOptions options, ILogger logger)
    {
        var statePath = Path.Combine(Path.GetFullPath(options.StateDirectory), StateFileName);
        var secretsDirectory = Path.GetFullPath(options.SecretsDirectory);
        string[] secretPaths =
        [
            Path.Combine(secretsDirectory, MerchantPrivateKeySecret),
            Path.Combine(secretsDirectory, PlatformPublicKeySecret),
            Path.Combine(secretsDirectory, ApiV3KeySecret),
            Path.Combine(secretsDirectory, AppSecretSecret),
        ];

        // Both halves must come from one generation, so a missing half regenerates the pair.
        if (!File.Exists(statePath) || !secretPaths.All(File.Exists))
        {
            Generate(statePath, secretsDirectory);
            logger.LogInformation("Generated WeChat Pay dev keys: state {StatePath}, merchant secrets in {SecretsDirectory}", statePath, secretsDirectory);
        }

        var state = JsonSerializer.Deserialize<KeyState>(File.ReadAllText(statePath))
            ?? throw new InvalidDataException($"{statePath} is empty.");
        var merchantPublicKey = RSA.Create();
        merchantPublicKey.ImportFromPem(state.MerchantPublicKey);
        var platformPrivateKey = RSA.Create();
        platformPrivateKey.ImportFromPem(state.PlatformPrivateKey);
        return new WeChatPayKeys(merchantPublicKey, platformPrivateKey, state.ApiV3Key, state.AppSecret);
    }

    private static void Generate(string statePath, string secretsDirectory)
    {
        using var merchant = RSA.Create(2048);
        using var platform = RSA.Create(2048);
        var apiV3Key = WeChatPayCrypto.RandomString(32);

        // An official account's AppSecret is 32 lower-case hex digits.
        var appSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

        AtomicFile.WriteAllText(Path.Combine(secretsDirectory, MerchantPrivateKeySecret), merchant.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
        AtomicFile.WriteAllText(Path.Combine(secretsDirectory, PlatformPublicKeySecret), platform.ExportSubjectPublicKeyInfoPem(), ownerOnly: false);
        AtomicFile.WriteAllText(Path.Combine(secretsDirectory, ApiV3KeySecret), apiV3Key, ownerOnly: true);
        AtomicFile.WriteAllText(Path.Combine(secretsDirectory, AppSecretSecret), appSecret, ownerOnly: true);

        // Written last: its presence means the secrets above are complete.
        var state = new KeyState(merchant.ExportSubjectPublicKeyInfoPem(), platform.ExportPkcs8PrivateKeyPem(), apiV3Key, appSecret);
        AtomicFile.WriteAllText(statePath, JsonSerializer.Serialize(state, Indented), ownerOnly: true);
    }

    private sealed record KeyState(
        [property: JsonPropertyName("merchant_public_key")] string MerchantPublicKey,
        [property: JsonPropertyName("platform_private_key")] string PlatformPrivateKey,
        [property: JsonPropertyName("apiv3_key")] string ApiV3Key,
        [property: JsonPropertyName("app_secret")] string AppSecret);
}
