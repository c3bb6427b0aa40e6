using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Http;

/// <summary>
/// An RFC 9457 problem with a stable machine <c>code</c> and, when one field is at fault, its <c>param</c>.
/// </summary>
public sealed record ApiError(int Status, string Code, string Title, string? Detail = null, string? Param = null)
{
    public const string ContentType = "application/problem+json";

    public string ToJson() =>
        JsonSerializer.Serialize(new ProblemBody($"https://payfunctions.dev/problems/{Code}", Title, Status, Detail, Code, Param), ApiJson.Options);

    public IResult ToResult() => Results.Text(ToJson(), ContentType, statusCode: Status);

    public static ApiError InvalidRequest(string param, string detail) =>
        new(StatusCodes.Status400BadRequest, "parameter_invalid", "A request parameter is invalid.", detail, param);

    public static ApiError MissingParameter(string param) =>
        new(StatusCodes.Status400BadRequest, "parameter_missing", "A required parameter is missing.", $"'{param}' is required.", param);

    public static ApiError MalformedBody(string detail) =>
        new(StatusCodes.Status400BadRequest, "body_invalid", "The request body is not valid JSON for this endpoint.", detail);

    public static ApiError SettlementDateInFuture(DateOnly date, DateTimeOffset opensAt) =>
        new(
            StatusCodes.Status400BadRequest,
            "settlement_date_in_future",
            "That day cannot be settled yet.",
            $"The batch of {date:yyyy-MM-dd} settles what was captured before its cut-off and may run from {opensAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}.",
            "date");

    /// <summary>An unexpected failure: no detail of it leaves the server, and a retry is safe.</summary>
    public static ApiError Internal() =>
        new(StatusCodes.Status500InternalServerError, "internal_error", "Something went wrong on our side.", "The request was not completed; it is safe to retry with the same Idempotency-Key.");

    public static ApiError Unauthenticated() =>
        new(StatusCodes.Status401Unauthorized, "api_key_invalid", "No valid API key provided.", "Send 'Authorization: Bearer <api key>'.");

    public static ApiError SignatureInvalid(string detail) =>
        new(StatusCodes.Status401Unauthorized, "signature_invalid", "The request's signature is not valid.", detail);

    /// <summary>The caller is known but its credential does not reach this route.</summary>
    public static ApiError InsufficientScope(Security.RouteAccess access, bool audienceMatches) =>
        new(
            StatusCodes.Status403Forbidden,
            "insufficient_scope",
            "The credential does not allow this request.",
            audienceMatches
                ? $"This request needs the '{access.Scope}' scope."
                : $"This request is for {(access.Audience == Security.Audience.Operator ? "operators" : "merchants")} only.");

    public static ApiError NotFound(string resource, string param) =>
        new(StatusCodes.Status404NotFound, "resource_missing", $"No such {resource}.", null, param);

    internal sealed record ProblemBody(string Type, string Title, int Status, string? Detail, string Code, string? Param);
}
