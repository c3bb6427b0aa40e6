using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelSandbox.AlipayPlus;

/// <summary>Alipay+'s half of the key material: the merchant's public key (registered with the client id) and Alipay+'s private key.</summary>
public sealed class AlipayPlusKeys(RSA merchantPublicKey, RSA alipayPlusPrivateKey) : IDisposable
{
    public const string StateFileName = "alipay-plus.json";
    public const string MerchantPrivateKeySecret = "merchant-private-key";
    public const string AlipayPlusPublicKeySecret = "alipay-plus-public-key";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Verifies the merchant's request signatures.</summary>
    public RSA MerchantPublicKey { get; } = merchantPublicKey;

    /// <summary>Signs answers and notifications.</summary>
    public RSA AlipayPlusPrivateKey { get; } = alipayPlusPrivateKey;

    /// <summary>
    /// Loads the dev keys, generating both pairs on first start: Alipay+'s side goes to <c>{StateDirectory}/alipay-plus.json</c>,
    /// the merchant's side to <c>alipay-plus-{account}-merchant-private-key</c> and <c>alipay-plus-{account}-alipay-plus-public-key</c>.
    /// </summary>
    public static AlipayPlusKeys LoadOrCreate(SandboxOptions sandbox, AlipayPlusSandboxOptions options, ILogger logger)
    {
        var statePath = Path.Combine(Path.GetFullPath(sandbox.StateDirectory), StateFileName);
        var secretsDirectory = Path.GetFullPath(sandbox.SecretsDirectory);
        var merchantKeyPath = Path.Combine(secretsDirectory, options.SecretName(MerchantPrivateKeySecret));
        var alipayPlusKeyPath = Path.Combine(secretsDirectory, options.SecretName(AlipayPlusPublicKeySecret));

        // Both halves must come from one generation, so a missing half regenerates everything.
        if (!File.Exists(statePath) || !File.Exists(merchantKeyPath) || !File.Exists(alipayPlusKeyPath))
        {
            using var merchant = RSA.Create(2048);
            using var alipayPlus = RSA.Create(2048);
            AtomicFile.WriteAllText(merchantKeyPath, merchant.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
            AtomicFile.WriteAllText(alipayPlusKeyPath, alipayPlus.ExportSubjectPublicKeyInfoPem(), ownerOnly: false);
            var generated = new KeyState(merchant.ExportSubjectPublicKeyInfoPem(), alipayPlus.ExportPkcs8PrivateKeyPem());
            AtomicFile.WriteAllText(statePath, JsonSerializer.Serialize(generated, Indented), ownerOnly: true);
            AlipayPlusLog.KeysGenerated(logger, statePath, secretsDirectory);
        }

        var state = JsonSerializer.Deserialize<KeyState>(File.ReadAllText(statePath)) ?? throw new InvalidDataException($"{statePath} is empty.");
        var merchantPublicKey = RSA.Create();
        merchantPublicKey.ImportFromPem(state.MerchantPublicKey);
        var alipayPlusPrivateKey = RSA.Create();
        alipayPlusPrivateKey.ImportFromPem(state.AlipayPlusPrivateKey);
        return new AlipayPlusKeys(merchantPublicKey, alipayPlusPrivateKey);
    }

    public void Dispose()
    {
        MerchantPublicKey.Dispose();
        AlipayPlusPrivateKey.Dispose();
    }

    private sealed record KeyState(
        [property: JsonPropertyName("merchant_public_key")] string MerchantPublicKey,
        [property: JsonPropertyName("alipay_plus_private_key")] string AlipayPlusPrivateKey);
}
