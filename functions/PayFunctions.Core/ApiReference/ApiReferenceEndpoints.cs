using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PayFunctions.Core.Consoles;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.ApiReference;

/// <summary>
/// Serves the API reference: a page per description, rendered in the browser by the bundled renderer from the
/// description this host serves, and the files the page loads. Public, like the descriptions themselves.
/// </summary>
public static class ApiReferenceEndpoints
{
    /// <summary>
    /// The consoles' policy: scripts and styles from this origin only, no inline script or style, and requests only to
    /// this origin (the description, and what "Try it out" sends). The renderer's style sheet draws its icons from
    /// <c>data:</c> images.
    /// </summary>
    public const string ContentSecurityPolicy = ConsoleEndpoints.ContentSecurityPolicy;

    /// <summary>An unversioned request is checked again each time (a cheap 304); a versioned one is the same bytes forever.</summary>
    private const string Revalidate = "no-cache";
    private const string Immutable = "public, max-age=31536000, immutable";

    private static readonly Lazy<ConsoleAsset> Merchant = new(() => Render("Merchant API reference", "/api/" + ApiRoutes.GetOpenApiDocument.Template));
    private static readonly Lazy<ConsoleAsset> Operator = new(() => Render("Operator API reference", "/api/" + ApiRoutes.GetOperatorOpenApiDocument.Template));

    /// <summary><c>GET /api/docs</c>: the merchant API's reference.</summary>
    public static IResult MerchantPage() => new AssetResult(Merchant.Value, "no-store", false);

    /// <summary><c>GET /api/docs/ops</c>: the operator API's reference.</summary>
    public static IResult OperatorPage() => new AssetResult(Operator.Value, "no-store", false);

    /// <summary><c>GET /api/docs/assets/{name}</c>: one embedded file, or 404 for any other name.</summary>
    public static IResult Asset(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asset = ApiReferenceAssets.Find(name);
        if (asset is null || name.EndsWith(".html", StringComparison.Ordinal))
        {
            return ApiError.NotFound("API reference asset", "name").ToResult();
        }

        var versioned = request.Query["v"].ToString() == asset.Version;
        return new AssetResult(asset, versioned ? Immutable : Revalidate, NotModified(request, asset));
    }

    /// <summary>
    /// The shell with its title, the description it renders, and each <c>{{v:name}}</c> replaced by that asset's
    /// version, so the page always loads the files it was built with and the browser may keep those for good.
    /// </summary>
    private static ConsoleAsset Render(string title, string spec)
    {
        var html = Encoding.UTF8.GetString(ApiReferenceAssets.Required("reference.html").Content)
            .Replace("{{title}}", title, StringComparison.Ordinal)
            .Replace("{{spec}}", spec, StringComparison.Ordinal);
        foreach (var name in ApiReferenceAssets.Names)
        {
            html = html.Replace("{{v:" + name + "}}", ApiReferenceAssets.Required(name).Version, StringComparison.Ordinal);
        }

        return new ConsoleAsset("reference.html", Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", "");
    }

    private static bool NotModified(HttpRequest request, ConsoleAsset asset) =>
        request.Headers.IfNoneMatch.ToString() is { Length: > 0 } tags
        && EntityTagHeaderValue.TryParseList([tags], out var parsed)
        && parsed!.Any(t => t.Tag == asset.ETag || t.Tag == "*");

    private sealed class AssetResult(ConsoleAsset asset, string cacheControl, bool notModified) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.XFrameOptions = "DENY";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.CacheControl = cacheControl;
            if (asset.Version.Length > 0)
            {
                response.Headers.ETag = asset.ETag;
            }

            if (notModified)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = asset.ContentType;
            response.ContentLength = asset.Content.Length;
            await response.Body.WriteAsync(asset.Content, httpContext.RequestAborted);
        }
    }
}
