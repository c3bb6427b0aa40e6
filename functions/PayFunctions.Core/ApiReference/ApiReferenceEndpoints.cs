using System.Text;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Consoles;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.ApiReference;

/// <summary>
/// Serves the API reference: a page per description, rendered in the browser by the bundled renderer from the
/// description this host serves, and the files the page loads. Public, like the descriptions themselves, and under the
/// consoles' headers and policy unrelaxed (<see cref="ConsoleEndpoints.ContentSecurityPolicy"/>): the renderer needs
/// no inline script or style, and asks only this origin for the description and for what "Try it out" sends.
/// </summary>
public static class ApiReferenceEndpoints
{
    private static readonly Lazy<ConsoleAsset> Merchant = new(() => Render("Merchant API reference", "/api/" + ApiRoutes.GetOpenApiDocument.Template));
    private static readonly Lazy<ConsoleAsset> Operator = new(() => Render("Operator API reference", "/api/" + ApiRoutes.GetOperatorOpenApiDocument.Template));

    /// <summary><c>GET /api/docs</c>: the merchant API's reference.</summary>
    public static IResult MerchantPage() => ConsoleEndpoints.ServePage(Merchant.Value);

    /// <summary><c>GET /api/docs/ops</c>: the operator API's reference.</summary>
    public static IResult OperatorPage() => ConsoleEndpoints.ServePage(Operator.Value);

    /// <summary><c>GET /api/docs/assets/{name}</c>: one embedded file, or 404 for any other name.</summary>
    public static IResult Asset(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asset = ApiReferenceAssets.Find(name);
        if (asset is null || name.EndsWith(".html", StringComparison.Ordinal))
        {
            return ApiError.NotFound("API reference asset", "name").ToResult();
        }

        return ConsoleEndpoints.ServeAsset(request, asset);
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
}
