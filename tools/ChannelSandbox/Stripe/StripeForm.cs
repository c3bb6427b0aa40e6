using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace ChannelSandbox.Stripe;

/// <summary>
/// Stripe's request encoding: <c>application/x-www-form-urlencoded</c> bodies (and query strings for GETs) whose keys nest
/// with brackets: <c>metadata[out_trade_no]=…</c> is an object member, <c>line_items[0][quantity]=1</c> an array element,
/// <c>expand[]=…</c> an appended one.
/// </summary>
public static class StripeForm
{
    /// <summary>The parameters as one JSON object; null when a key is malformed.</summary>
    public static JsonObject? Parse(string encoded)
    {
        var root = new JsonObject();
        foreach (var (key, values) in QueryHelpers.ParseQuery(encoded.TrimStart('?')))
        {
            foreach (var value in values)
            {
                if (!Set(root, key, value ?? string.Empty))
                {
                    return null;
                }
            }
        }

        return root;
    }

    /// <summary>The parameters in a canonical text, so two requests with the same parameters compare equal.</summary>
    public static string Canonical(string encoded) =>
        string.Join('&', QueryHelpers.ParseQuery(encoded.TrimStart('?'))
            .SelectMany(pair => pair.Value.Select(value => pair.Key + "=" + value))
            .Order(StringComparer.Ordinal));

    private static bool Set(JsonObject root, string key, string value)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        var path = new List<string> { open < 0 ? key : key[..open] };
        var rest = open < 0 ? string.Empty : key[open..];
        while (rest.Length > 0)
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (rest[0] != '[' || close < 0)
            {
                return false;
            }

            path.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }

        if (path[0].Length == 0 || path.Count > 6)
        {
            return false;
        }

        JsonNode container = root;
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            var nextIsIndex = !last && (path[i + 1].Length == 0 || path[i + 1].All(char.IsAsciiDigit));
            JsonNode Make() => last ? JsonValue.Create(value) : nextIsIndex ? new JsonArray() : new JsonObject();
            switch (container)
            {
                case JsonObject obj:
                    if (path[i].Length == 0)
                    {
                        return false;
                    }

                    if (last)
                    {
                        obj[path[i]] = Make();
                    }
                    else
                    {
                        obj[path[i]] ??= Make();
                    }

                    container = obj[path[i]]!;
                    break;
                case JsonArray array:
                    var index = path[i].Length == 0 ? array.Count : int.TryParse(path[i], out var n) && n <= array.Count && n < 100 ? n : -1;
                    if (index < 0)
                    {
                        return false;
                    }

                    if (index == array.Count)
                    {
                        array.Add(Make());
                    }
                    else if (last)
                    {
                        array[index] = Make();
                    }

                    container = array[index]!;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
