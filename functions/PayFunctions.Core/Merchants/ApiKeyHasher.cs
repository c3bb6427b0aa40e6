using System.Security.Cryptography;
using System.Text;

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
}
