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

    public static (T? Value, ApiError? Error) Parse<T>(byte[] body)
        where T : class
    {
        if (body.Length == 0)
        {
            return (null, ApiError.MalformedBody("The request body is empty."));
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

    /// <summary>
    /// The parser's first sentence, unless it names a .NET type ("could not be converted to
    /// PayFunctions.Core…"): the caller learns which value is wrong, never how the server is built.
    /// </summary>
    private static string Detail(JsonException e, string? param)
    {
        var message = FirstSentence(e.Message);
        if (!message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return message;
        }

        return param is null ? "The request body does not have the expected shape." : $"The value of '{param}' does not have the expected type.";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
