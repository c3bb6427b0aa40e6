using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;

namespace PayFunctions.Core.Secrets;

/// <summary>The operator runs the re-wrap after rotating the key-encryption key; the answer counts what it did.</summary>
public sealed class KeyRewrapEndpoints(AdminAuthenticator admin, KeyRewrapJob job)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!await admin.IsAdminAsync(request, cancellationToken))
        {
            return ApiError.Unauthenticated().ToResult();
        }

        return Results.Json(await job.RunAsync(cancellationToken), ApiJson.Options);
    }
}
