using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Consoles;

/// <summary>
/// Serves the consoles: a shell page per console and the files it loads. The pages hold no data and no secret; the
/// scripts call the API with the key the user signs in with, so the pages themselves are public.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>
    /// Scripts and styles from this origin only, and no inline script or style at all: nothing the API returns can run
    /// as code even if a page wrote it as markup. The map and charts draw on canvas, which needs nothing more.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>An unversioned request is checked again each time (a cheap 304); a versioned one is the same bytes forever.</summary>
    private const string Revalidate = "no-cache";
    private const string Immutable = "public, max-age=31536000, immutable";

    private static readonly Lazy<ConsoleAsset> Merchant = new(() => Render("merchant.html"));
    private static readonly Lazy<ConsoleAsset> Operator = new(() => Render("operator.html"));

    /// <summary><c>GET /api/console</c>: the merchant console.</summary>
    public static IResult MerchantPage() => ServePage(Merchant.Value);

    /// <summary><c>GET /api/console/ops</c>: the operator console.</summary>
    public static IResult OperatorPage() => ServePage(Operator.Value);

    /// <summary><c>GET /api/console/assets/{name}</c>: one embedded file, or 404 for any other name.</summary>
    public static IResult Asset(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asset = ConsoleAssets.Find(name);
        if (asset is null || name.EndsWith(".html", StringComparison.Ordinal))
        {
            return ApiError.NotFound("console asset", "name").ToResult();
        }

        return ServeAsset(request, asset);
    }

    /// <summary>A page built from embedded files: never cached, as it names its files' current versions.</summary>
    internal static IResult ServePage(ConsoleAsset page) => new AssetResult(page, "no-store", false);

    /// <summary>One embedded file under this policy: kept for good when asked for at its version, revalidated otherwise.</summary>
    internal static IResult ServeAsset(HttpRequest request, ConsoleAsset asset)
    {
        var versioned = request.Query["v"].ToString() == asset.Version;
        return new AssetResult(asset, versioned ? Immutable : Revalidate, NotModified(request, asset));
    }

    /// <summary>
    /// The shell with each <c>{{v:name}}</c> replaced by that asset's version, so the page always loads the scripts
    /// and styles it was built with, and the browser may keep those for good.
    /// </summary>
    private static ConsoleAsset Render(string shell)
    {
        var html = Encoding.UTF8.GetString(ConsoleAssets.Required(shell).Content);
        foreach (var name in ConsoleAssets.Names)
        {
            html = html.Replace("{{v:" + name + "}}", ConsoleAssets.Required(name).Version, StringComparison.Ordinal);
        }

        return new ConsoleAsset(shell, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", "");
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
