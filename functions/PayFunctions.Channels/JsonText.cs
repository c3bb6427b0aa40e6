using System.Text.Json;

namespace PayFunctions.Channels;

/// <summary>
/// Strings read from a channel's JSON where a malformed value is to be dropped rather than fail the message: a value of
/// another kind, or one escaping half a surrogate pair (which JSON allows, and on which <see cref="JsonElement.GetString"/>
/// throws), reads as null.
/// </summary>
internal static class JsonText
{
    /// <summary>The string property <paramref name="name"/> of an object, or null.</summary>
    public static string? Of(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Of(value) : null;

    /// <summary>The string <paramref name="element"/> holds, or null.</summary>
    public static string? Of(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
