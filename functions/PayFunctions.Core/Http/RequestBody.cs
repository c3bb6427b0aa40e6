using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace PayFunctions.Core.Http;

/// <summary>Reads a bounded JSON body; every way it can be wrong becomes a 400 problem, never an exception.</summary>
public static class RequestBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The longest note or reason an operator may write; it is kept on the row it explains and shown with it.</summary>
    public const int MaxOperatorTextLength = 1000;

    public static async Task<byte[]?> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads and parses a JSON body. With <paramref name="whenEmpty"/> the body is optional and an
    /// empty one means every default; without it an empty body is refused. The raw bytes come back
    /// too, for the idempotency record.
    /// </summary>
    public static async Task<(byte[]? Body, T? Value, ApiError? Error)> ReadAsync<T>(HttpRequest request, T? whenEmpty, CancellationToken cancellationToken)
        where T : class
    {
        var body = await ReadBytesAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, null, ApiError.MalformedBody($"The request body exceeds {MaxBytes} bytes."));
        }

        if (body.Length == 0 && whenEmpty is not null)
        {
            return (body, whenEmpty, null);
        }

        var (value, error) = Parse<T>(body);
        return (body, value, error);
    }

    /// <summary>A bounded form post of a payer page; anything else (or too large) reads as an empty form.</summary>
    public static async Task<Dictionary<string, StringValues>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return [];
        }

        var body = await ReadBytesAsync(request, cancellationToken);
        return body is null ? [] : QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
    }

    /// <summary>
    /// Null when <paramref name="text"/>, an operator's note or reason, is 1 to <see cref="MaxOperatorTextLength"/>
    /// characters with no control character (it reaches audit records and report files as written); else the problem
    /// naming <paramref name="param"/> and, when given, what the text is to say.
    /// </summary>
    public static ApiError? CheckOperatorText(string? text, string param, string? saying = null) =>
        text is not { Length: > 0 and <= MaxOperatorTextLength } || text.Any(char.IsControl)
            ? ApiError.InvalidRequest(
                param, $"{param} must be 1 to {MaxOperatorTextLength} printable characters{(saying is null ? "" : " saying " + saying)}.")
            : null;

    public static (T? Value, ApiError? Error) Parse<T>(byte[] body)
        where T : class
    {
        if (body.Length == 0)
        {
            return (null, ApiError.MalformedBody("The request body is empty."));
        }

        if (StrictJson.Check(body) is { } strict)
        {
            return (null, strict);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, ApiJson.Options);
            return value is null ? (null, ApiError.MalformedBody("The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var param = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path.TrimStart('$', '.');
            return (null, new ApiError(StatusCodes.Status400BadRequest, "body_invalid", "The request body is not valid JSON for this endpoint.", Detail(e, param), param));
        }
    }

    /// <summary>What the serializer found, in the API's words: its own messages name the platform's types.</summary>
    private static string Detail(JsonException e, string? param) => (param, e.Message) switch
    {
        (null, _) => "The request body must be a JSON object.",
        (_, var m) when m.StartsWith("Duplicate propert", StringComparison.Ordinal) => $"'{param}' appears more than once.",
        (_, var m) when m.StartsWith("The JSON property", StringComparison.Ordinal) => $"'{param}' is not a field of this request.",
        (_, var m) when m.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) =>
            $"'{param}' has the wrong type, or is a number out of range or not an integer where one is needed.",
        _ => StrictJson.FirstSentence(e.Message),
    };
}
