using System.Text.Json;

namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// A verified Alipay+ answer or notification: its JSON and its <c>result</c>. <c>resultStatus</c> S is success, F failure, U unknown
/// (the outcome is not known yet: ask again, or inquire).
/// </summary>
internal sealed class AlipayPlusAnswer
{
    public const string Succeeded = "S";
    public const string Failed = "F";
    public const string Unknown = "U";

    private AlipayPlusAnswer(JsonElement root, string status, string code, string? message)
    {
        Root = root;
        Status = status;
        Code = code;
        Message = message;
    }

    public JsonElement Root { get; }

    public string Status { get; }

    public string Code { get; }

    public string? Message { get; }

    /// <summary>Reads the JSON and its <c>result</c>; null when it is not an object with a result of status S, F or U.</summary>
    public static AlipayPlusAnswer? Read(string json, string resultProperty = "result")
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object || !IsReadable(root) || !root.TryGetProperty(resultProperty, out var result) || result.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var status = Text(result, "resultStatus");
        var code = Text(result, "resultCode");
        return status is Succeeded or Failed or Unknown && code is not null ? new AlipayPlusAnswer(root, status, code, Text(result, "resultMessage")) : null;
    }

    /// <summary>A string property of the answer, or null.</summary>
    public string? String(string name) => Text(Root, name);

    /// <summary>A property of the answer, or an undefined element.</summary>
    public JsonElement Property(string name) => Root.TryGetProperty(name, out var value) ? value : default;

    /// <summary>A time property of the answer (ISO 8601), or null.</summary>
    public DateTimeOffset? Time(string name) =>
        String(name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? time
            : null;

    /// <summary>
    /// False when a string or name escapes half a surrogate pair: JSON allows it, but reading it as a string throws, so an
    /// answer holding one is malformed as a whole rather than wherever it happens to be read.
    /// </summary>
    private static bool IsReadable(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && IsReadable(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(IsReadable),
                JsonValueKind.String => element.GetString() is not null,
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
