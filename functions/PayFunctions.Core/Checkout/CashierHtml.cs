using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// The pages payers see (cashier and store code): one layout, served with a nonce-based
/// Content-Security-Policy, no framing, no caching and no referrer (the address holds the page's token).
/// </summary>
public sealed class CashierHtml : IResult
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Styles = """
        *{box-sizing:border-box}
        html{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#f4f5f7}
        body{margin:0}
        main{max-width:28rem;margin:0 auto;padding:1rem;min-height:100vh}
        .card{background:#fff;border:1px solid #c9ccd1;border-radius:.75rem;padding:1.25rem;margin-top:.75rem}
        h1{font-size:1.25rem;margin:0 0 .25rem}
        .amount{font-size:2rem;font-weight:700;margin:.25rem 0 0;overflow-wrap:anywhere}
        .muted{color:#4a4f57;margin:0;overflow-wrap:anywhere}
        fieldset{border:0;margin:0;padding:0}
        legend{font-weight:600;margin-bottom:.5rem;padding:0}
        .option{display:flex;align-items:center;gap:.75rem;border:1px solid #8a8f98;border-radius:.5rem;padding:.75rem;margin:.5rem 0;min-height:3rem}
        .option input{width:1.25rem;height:1.25rem;margin:0;flex:none}
        .option label{flex:1;cursor:pointer}
        .option small{display:block;color:#4a4f57}
        label.field{display:block;font-weight:600;margin:.5rem 0 .25rem}
        input[type=text]{width:100%;font-size:1.5rem;padding:.5rem .75rem;border:2px solid #5f6670;border-radius:.5rem}
        .button{display:block;width:100%;text-align:center;font:inherit;font-weight:600;font-size:1.125rem;color:#fff;background:#0b57d0;border:0;border-radius:.5rem;padding:.875rem 1rem;margin-top:1rem;text-decoration:none;cursor:pointer}
        .button.secondary{color:#0b57d0;background:#fff;border:2px solid #0b57d0}
        :focus-visible{outline:3px solid #1a1a1a;outline-offset:3px}
        .qr{display:block;width:15rem;height:15rem;margin:1rem auto;background:#fff}
        .status{min-height:3rem;margin:1rem 0 0;font-weight:600}
        .error{color:#a50e0e;font-weight:600}
        .lang{text-align:right;margin:0}
        .lang a{color:#0b57d0}
        .result{font-size:1.5rem;font-weight:700;margin:.5rem 0}
        """;

    private readonly string nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    /// <summary>Where the page's forms may post: the page's own origin, and a channel's when the page hands the payer to it.</summary>
    private string formActions = "'self'";

    private CashierHtml(int status) => StatusCode = status;

    public int StatusCode { get; }

    public string Html { get; private set; } = "";

    /// <summary>
    /// A page of <paramref name="title"/> around the content <paramref name="render"/> writes with the response's nonce;
    /// its forms may post to <paramref name="postsTo"/>'s origin besides its own.
    /// </summary>
    public static CashierHtml Page(CashierText text, string title, Func<string, string> render, int status = StatusCodes.Status200OK, Uri? postsTo = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(render);
        var page = new CashierHtml(status);
        if (postsTo is not null)
        {
            page.formActions += " " + postsTo.GetLeftPart(UriPartial.Authority);
        }

        page.Html = $"""
            <!DOCTYPE html>
            <html lang="{text.HtmlLang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{Encode(title)}</title>
            <style nonce="{page.nonce}">{Styles}</style>
            </head>
            <body>
            <main>
            {render(page.nonce)}
            </main>
            </body>
            </html>
            """;
        return page;
    }

    /// <summary>
    /// Escapes for HTML text and quoted attributes. Every script is kept as itself (the default encoder would turn
    /// each Chinese character into an eight-byte reference); markup-significant characters are still escaped.
    /// </summary>
    public static string Encode(string? value) => Encoder.Encode(value ?? "");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "text/html; charset=utf-8";
        Secure(response, $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self' data:; connect-src 'self'; form-action {formActions}; base-uri 'none'; frame-ancestors 'none'");
        await response.WriteAsync(Html, Encoding.UTF8, httpContext.RequestAborted);
    }

    /// <summary>The headers every payer-facing answer carries, pages and status JSON alike.</summary>
    public static void Secure(HttpResponse response, string contentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'")
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}

/// <summary>303 See Other: after a form post the browser loads <paramref name="location"/> with GET.</summary>
public sealed class SeeOther(string location) : IResult
{
    public string Location => location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        CashierHtml.Secure(httpContext.Response);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
