using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.OpenApi;

/// <summary>
/// Serves the two descriptions. Each is built once per process from the code it describes, so its bytes and its
/// <c>ETag</c> change only with a deployment; clients revalidate cheaply with <c>If-None-Match</c>.
/// </summary>
public static class OpenApiEndpoints
{
    private static readonly Lazy<Served> Merchant = new(() => Serve(ApiAudience.Merchant));
    private static readonly Lazy<Served> Operator = new(() => Serve(ApiAudience.Operator));

    /// <summary><c>GET /api/openapi.json</c>.</summary>
    public static IResult MerchantDocument(HttpRequest request) => Answer(request, Merchant.Value);

    /// <summary><c>GET /api/openapi/ops.json</c>.</summary>
    public static IResult OperatorDocument(HttpRequest request) => Answer(request, Operator.Value);

    private static Served Serve(ApiAudience audience)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(OpenApiDocument.Build(audience), ApiJson.Options);
        return new Served(bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
    }

    private static DocumentResult Answer(HttpRequest request, Served served)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notModified = request.Headers.IfNoneMatch.ToString() is { Length: > 0 } tags
            && EntityTagHeaderValue.TryParseList([tags], out var parsed)
            && parsed!.Any(t => t.Tag == served.ETag || t.Tag == "*");
        return new DocumentResult(served, notModified);
    }

    private sealed record Served(byte[] Json, string ETag);

    private sealed class DocumentResult(Served served, bool notModified) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.Headers.ETag = served.ETag;
            response.Headers.CacheControl = "public, max-age=300";
            if (notModified)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            response.ContentLength = served.Json.Length;
            await response.Body.WriteAsync(served.Json, httpContext.RequestAborted);
        }
    }
}
