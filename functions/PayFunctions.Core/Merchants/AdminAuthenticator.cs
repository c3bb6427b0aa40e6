using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Merchants;

/// <summary>Operator endpoints take the admin key from the secret store, compared in constant time.</summary>
public sealed class AdminAuthenticator(ISecretStore secrets)
{
    public const string AdminKeySecretName = "admin-api-key";

    public async Task<bool> IsAdminAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = await secrets.GetAsync(AdminKeySecretName, cancellationToken);
        var presented = request.Headers.Authorization.ToString();
        return expected is { Length: > 0 }
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes("Bearer " + expected));
    }
}
