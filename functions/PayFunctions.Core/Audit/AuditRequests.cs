using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Audit;

/// <summary>The request id an audit record carries: the host's trace identifier, the one its logs carry.</summary>
public static class AuditRequests
{
    private const int MaxLength = 128;

    public static string? IdOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var id = http.TraceIdentifier;
        return id is { Length: > 0 and <= MaxLength } && !id.Any(char.IsControl) ? id : null;
    }

    public static string? IdOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IdOf(request.HttpContext);
    }
}
