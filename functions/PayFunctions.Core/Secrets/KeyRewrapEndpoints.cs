using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Secrets;

/// <summary>The operator runs the re-wrap after rotating the key-encryption key; the answer counts what it did.</summary>
public sealed class KeyRewrapEndpoints(KeyRewrapJob job)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        return Results.Json(await job.RunAsync(cancellationToken), ApiJson.Options);
    }
}
