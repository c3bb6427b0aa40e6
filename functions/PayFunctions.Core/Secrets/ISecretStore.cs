namespace PayFunctions.Core.Secrets;

/// <summary>
/// Channel keys, the API-key pepper, the admin key and the key-encryption key: Key Vault in Azure,
/// files locally. The app only reads: its identity in Azure holds "Key Vault Secrets User", and
/// secrets it makes for merchants live sealed in Tables (<see cref="SecretEnvelope"/>).
/// </summary>
public interface ISecretStore
{
    /// <summary>The current version of the secret, or null when it does not exist.</summary>
    Task<SecretVersion?> GetCurrentAsync(string name, CancellationToken cancellationToken);

    /// <summary>One version of the secret, or null when that version does not exist. Versions never change.</summary>
    Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken);
}

/// <summary>A secret's value and the id of its version, so what was made with it can name it later.</summary>
public sealed record SecretVersion(string Value, string Version);

public static class SecretStoreExtensions
{
    /// <summary>The current value of the secret, or null when it does not exist.</summary>
    public static async Task<string?> GetAsync(this ISecretStore secrets, string name, CancellationToken cancellationToken) =>
        (await secrets.GetCurrentAsync(name, cancellationToken))?.Value;
}
