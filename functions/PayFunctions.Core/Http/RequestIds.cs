using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Http;

/// <summary>
/// Names every API answer with a <c>Request-Id</c> (<c>req_</c> and 24 random characters), which a merchant quotes when
/// asking about a request and the SDKs put on their errors. Both hosts assign it before anything else runs, rate
/// limits and authentication included, so a refused request has one too.
/// </summary>
public static class RequestIds
{
    public const string Header = "Request-Id";

    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static readonly object ItemKey = new();

    /// <summary>
    /// Gives the request its id. The header is written when the answer starts rather than now, because an exception
    /// handler clears the headers of the answer it replaces, and the 500 it writes is the answer most worth quoting.
    /// </summary>
    public static string Assign(HttpContext http)
    {
        if (Of(http) is { } assigned)
        {
            return assigned;
        }

        var id = "req_" + RandomNumberGenerator.GetString(Alphabet, 24);
        http.Items[ItemKey] = id;
        http.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            context.Response.Headers[Header] = (string)context.Items[ItemKey]!;
            return Task.CompletedTask;
        }, http);
        return id;
    }

    /// <summary>The request's id, or null before <see cref="Assign"/>.</summary>
    public static string? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var id) ? id as string : null;
}
