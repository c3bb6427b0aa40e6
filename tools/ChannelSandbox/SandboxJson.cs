using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelSandbox;

/// <summary>The one JSON shape of everything the sandbox writes: snake_case, nulls omitted, CJK unescaped as WeChat sends it.</summary>
public static class SandboxJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    /// <summary>An absent or empty body is the default command; a malformed one is an error for the caller.</summary>
    public static async Task<(T? Value, bool Valid)> ReadOptionalAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, true);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(text, Options), true);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    /// <summary>A control route's refusal, in the <c>{"code","message"}</c> shape the sandbox's control answers share.</summary>
    public static IResult Problem(int status, string code, string message) =>
        Results.Json(new { code, message }, Options, statusCode: status);
}
