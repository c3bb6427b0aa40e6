namespace PayFunctions.Core.Secrets;

/// <summary>Channel keys, webhook secrets and the API-key pepper: Key Vault in Azure, files locally.</summary>
public interface ISecretStore
{
    /// <summary>The secret's value, or null when it does not exist.</summary>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);

    Task SetAsync(string name, string value, CancellationToken cancellationToken);
}
