using System.Security.Cryptography;
using System.Text;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Merchants;

/// <summary>
/// API keys are stored only as HMAC-SHA256 under a pepper held in the secret store, so a leaked
/// table does not reveal keys and cannot be brute-forced offline without the pepper.
/// </summary>
public static class ApiKeyHasher
{
    public const string PepperSecretName = "api-key-pepper";

    public static string Hash(string apiKey, string pepper) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(pepper), Encoding.UTF8.GetBytes(apiKey)));

    /// <summary>The keyed hash under the pepper the secret store holds now; merchants' and operators' keys alike.</summary>
    public static async Task<string> HashAsync(ISecretStore secrets, string key, CancellationToken cancellationToken) =>
        Hash(
            key,
            await secrets.GetAsync(PepperSecretName, cancellationToken)
                ?? throw new InvalidOperationException($"Secret '{PepperSecretName}' is not configured."));
}
