using System.Security.Cryptography;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Tests.Secrets;

/// <summary>Key Vault's model: every write adds a version; the latest is current, older ones stay readable.</summary>
public sealed class VersionedSecrets : ISecretStore
{
    private readonly Dictionary<string, List<SecretVersion>> secrets = [];

    /// <summary>A store holding one version of the key-encryption key.</summary>
    public static VersionedSecrets WithKeyEncryptionKey()
    {
        var vault = new VersionedSecrets();
        vault.AddVersion(SecretEnvelope.KeySecretName, "k1", NewKey());
        return vault;
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public void AddVersion(string name, string version, string value)
    {
        lock (secrets)
        {
            if (!secrets.TryGetValue(name, out var versions))
            {
                secrets[name] = versions = [];
            }

            versions.Add(new SecretVersion(value, version));
        }
    }

    public Task<SecretVersion?> GetCurrentAsync(string name, CancellationToken cancellationToken)
    {
        lock (secrets)
        {
            return Task.FromResult(secrets.TryGetValue(name, out var versions) ? versions[^1] : null);
        }
    }

    public Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        lock (secrets)
        {
            return Task.FromResult(secrets.TryGetValue(name, out var versions) ? versions.FirstOrDefault(v => v.Version == version)?.Value : null);
        }
    }
}
