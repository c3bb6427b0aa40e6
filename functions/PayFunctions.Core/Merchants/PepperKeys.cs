using System.Security.Cryptography;
using System.Text;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Merchants;

/// <summary>
/// Keys derived (HKDF-SHA256) from the platform's API-key pepper, one per purpose label, so a token minted for one
/// purpose never verifies for another, and rolling the pepper invalidates every token at once.
/// </summary>
public static class PepperKeys
{
    public static async Task<byte[]> DeriveAsync(ISecretStore secrets, byte[] label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var pepper = await secrets.GetAsync(ApiKeyHasher.PepperSecretName, cancellationToken)
            ?? throw new InvalidOperationException($"Secret '{ApiKeyHasher.PepperSecretName}' is not configured.");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(pepper), 32, salt: [], info: label);
    }
}
