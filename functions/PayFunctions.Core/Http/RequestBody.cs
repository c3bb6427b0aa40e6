using System.Text.Json;
using Microsoft.AspNetCore.Http;

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
            return (null, new ApiError(StatusCodes.Status400BadRequest, "body_invalid", "The request body is not valid JSON for this endpoint.", FirstSentence(e.Message), param));
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
