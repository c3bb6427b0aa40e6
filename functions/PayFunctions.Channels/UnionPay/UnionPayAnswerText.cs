using System.Text;

namespace PayFunctions.Channels.UnionPay;

/// <summary>
/// Reads UnionPay's texts. A synchronous answer is <c>k=v&amp;k=v</c> with raw values, split as the SDK's
/// parseQString does (the first '=' ends a key; an '&amp;' inside {...} or [...] belongs to the value); a back
/// notification is an ordinary URL-encoded form. Requests go out as an ordinary URL-encoded form.
/// </summary>
internal static class UnionPayAnswerText
{
    public static bool TryParseAnswer(string text, out Dictionary<string, string> fields)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }

        var current = new StringBuilder();
        string? key = null;
        var closing = '\0';
        foreach (var c in text)
        {
            if (key is null)
            {
                if (c == '=')
                {
                    key = current.ToString();
                    current.Clear();
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            if (closing != '\0')
            {
                closing = c == closing ? '\0' : closing;
            }
            else if (c is '{' or '[')
            {
                closing = c == '{' ? '}' : ']';
            }

            if (c == '&' && closing == '\0')
            {
                if (!TryAdd(fields, key, current.ToString()))
                {
                    return false;
                }

                key = null;
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        return key is null ? current.Length == 0 && fields.Count > 0 : TryAdd(fields, key, current.ToString());
    }

    public static bool TryParseForm(ReadOnlySpan<byte> body, out Dictionary<string, string> fields)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !TryAdd(fields, Decode(pair[..equals]), Decode(pair[(equals + 1)..])))
            {
                return false;
            }
        }

        return fields.Count > 0;
    }

    public static FormUrlEncodedContent ToForm(IReadOnlyDictionary<string, string> fields) => new(fields);

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static bool TryAdd(Dictionary<string, string> fields, string key, string value) =>
        key.Length > 0 && fields.TryAdd(key, value);
}
