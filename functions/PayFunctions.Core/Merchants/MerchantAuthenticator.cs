using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Merchants;

namespace PayFunctions.Core.Merchants;

public sealed class MerchantAuthenticator(ApiKeyStore apiKeys)
{
    private const string Scheme = "Bearer ";

    public async Task<MerchantEntity?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[Scheme.Length..].Trim();
        return key.Length is < 16 or > 200 ? null : await apiKeys.AuthenticateAsync(key, cancellationToken);
    }
}
