using Azure;
using Azure.Security.KeyVault.Secrets;

namespace PayFunctions.Core.Secrets;

/// <summary>Reads secrets with the app's identity; it never writes, so "Key Vault Secrets User" is all it needs.</summary>
public sealed class KeyVaultSecretStore(SecretClient client) : ISecretStore
{
    public async Task<SecretVersion?> GetCurrentAsync(string name, CancellationToken cancellationToken)
    {
        var secret = await GetAsync(name, version: null, cancellationToken);
        return secret is null ? null : new SecretVersion(secret.Value, secret.Properties.Version);
    }

    public async Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken) =>
        (await GetAsync(name, version, cancellationToken))?.Value;

    private async Task<KeyVaultSecret?> GetAsync(string name, string? version, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.GetSecretAsync(name, version, cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
