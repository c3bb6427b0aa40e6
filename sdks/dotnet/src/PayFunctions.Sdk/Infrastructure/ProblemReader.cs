using System.Text.Json;

namespace PayFunctions.Infrastructure;

/// <summary>Reads an error answer's problem document and picks the exception class its status calls for.</summary>
internal static class ProblemReader
{
    public static ApiProblem Read(int status, byte[] body)
    {
        JsonElement document;
        try
        {
            using var parsed = JsonDocument.Parse(body);
            document = parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A proxy's HTML page or an empty body still becomes a typed error with the status.
            return new ApiProblem { Status = status, Title = "HTTP " + status };
        }

        if (document.ValueKind != JsonValueKind.Object)
        {
            return new ApiProblem { Status = status, Title = "HTTP " + status, Document = document };
        }

        return new ApiProblem
        {
            Status = status,
            Type = Text(document, "type"),
            Title = Text(document, "title"),
            Detail = Text(document, "detail"),
            Code = Text(document, "code"),
            Param = Text(document, "param"),
            Document = document,
        };
    }

    public static PayFunctionsException ToException(ApiProblem problem, string? requestId) => problem.Status switch
    {
        400 => new InvalidRequestException(problem, requestId),
        401 => new AuthenticationException(problem, requestId),
        403 => new PermissionException(problem, requestId),
        404 => new NotFoundException(problem, requestId),
        409 => new ConflictException(problem, requestId),
        429 => new RateLimitException(problem, requestId),
        _ => new ApiException(problem, requestId),
    };

    private static string? Text(JsonElement document, string name) =>
        document.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
