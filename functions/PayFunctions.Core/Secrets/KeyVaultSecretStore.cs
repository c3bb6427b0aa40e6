using Azure;
using Azure.Security.KeyVault.Secrets;

namespace PayFunctions.Core.Secrets;

public sealed class KeyVaultSecretStore(SecretClient client) : ISecretStore
{
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await client.GetSecretAsync(name, cancellationToken: cancellationToken);
            return secret.Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task SetAsync(string name, string value, CancellationToken cancellationToken) =>
        client.SetSecretAsync(name, value, cancellationToken);
}
