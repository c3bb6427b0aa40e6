using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Http;

/// <summary>The usual payment-API list parameters: <c>limit</c> (1–100, default 10) and <c>starting_after</c> (an id of the listed kind).</summary>
public static class ListQuery
{
    public static (int Limit, string? StartingAfter, ApiError? Error) Parse(HttpRequest request, Func<string, bool> isId, string idKind)
    {
        var limitText = request.Query["limit"].ToString();
        var limit = 10;
        if (limitText.Length > 0 && (!int.TryParse(limitText, out limit) || limit is < 1 or > 100))
        {
            return (0, null, ApiError.InvalidRequest("limit", "limit must be an integer between 1 and 100."));
        }

        var startingAfter = request.Query["starting_after"].ToString();
        if (startingAfter.Length > 0 && !isId(startingAfter))
        {
            return (0, null, ApiError.InvalidRequest("starting_after", $"starting_after must be {idKind} id."));
        }

        return (limit, startingAfter.Length > 0 ? startingAfter : null, null);
    }
}
