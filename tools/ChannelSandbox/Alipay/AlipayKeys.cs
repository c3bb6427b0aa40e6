using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelSandbox.Alipay;

/// <summary>Alipay's half of the key material: the app's public key (uploaded to the open platform) and Alipay's private key.</summary>
public sealed class AlipayKeys(RSA appPublicKey, RSA alipayPrivateKey) : IDisposable
{
    public const string StateFileName = "alipay.json";
    public const string AppPrivateKeySecret = "app-private-key";
    public const string AlipayPublicKeySecret = "alipay-public-key";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Verifies the app's request signatures.</summary>
    public RSA AppPublicKey { get; } = appPublicKey;

    /// <summary>Signs answers, notifications and return URLs.</summary>
    public RSA AlipayPrivateKey { get; } = alipayPrivateKey;

    /// <summary>
    /// Loads the dev keys, generating both pairs on first start: Alipay's side goes to
    /// <c>{StateDirectory}/alipay.json</c>, the app's side to <c>alipay-{account}-app-private-key</c> and
    /// <c>alipay-{account}-alipay-public-key</c> in the secrets directory.
    /// </summary>
    public static AlipayKeys LoadOrCreate(SandboxOptions sandbox, AlipaySandboxOptions alipay, ILogger logger)
    {
        var statePath = Path.Combine(Path.GetFullPath(sandbox.StateDirectory), StateFileName);
        var secretsDirectory = Path.GetFullPath(sandbox.SecretsDirectory);
        var appKeyPath = Path.Combine(secretsDirectory, alipay.SecretName(AppPrivateKeySecret));
        var alipayKeyPath = Path.Combine(secretsDirectory, alipay.SecretName(AlipayPublicKeySecret));

        // Both halves must come from one generation, so a missing half regenerates everything.
        if (!File.Exists(statePath) || !File.Exists(appKeyPath) || !File.Exists(alipayKeyPath))
        {
            using var app = RSA.Create(2048);
            using var alipayKey = RSA.Create(2048);
            AtomicFile.WriteAllText(appKeyPath, app.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
            AtomicFile.WriteAllText(alipayKeyPath, alipayKey.ExportSubjectPublicKeyInfoPem(), ownerOnly: false);
            var generated = new KeyState(app.ExportSubjectPublicKeyInfoPem(), alipayKey.ExportPkcs8PrivateKeyPem());
            AtomicFile.WriteAllText(statePath, JsonSerializer.Serialize(generated, Indented), ownerOnly: true);
            logger.LogInformation("Generated Alipay dev keys: state {StatePath}, app secrets in {SecretsDirectory}", statePath, secretsDirectory);
        }

        var state = JsonSerializer.Deserialize<KeyState>(File.ReadAllText(statePath))
            ?? throw new InvalidDataException($"{statePath} is empty.");
        var appPublicKey = RSA.Create();
        appPublicKey.ImportFromPem(state.AppPublicKey);
        var alipayPrivateKey = RSA.Create();
        alipayPrivateKey.ImportFromPem(state.AlipayPrivateKey);
        return new AlipayKeys(appPublicKey, alipayPrivateKey);
    }

    public void Dispose()
    {
        AppPublicKey.Dispose();
        AlipayPrivateKey.Dispose();
    }

    private sealed record KeyState(
        [property: JsonPropertyName("app_public_key")] string AppPublicKey,
        [property: JsonPropertyName("alipay_private_key")] string AlipayPrivateKey);
}
