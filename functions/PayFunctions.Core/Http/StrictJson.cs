using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Http;

/// <summary>
/// One cheap pass over a request body before it is deserialised, refusing what the serializer would accept but the
/// API must not: a byte order mark, nesting deeper than <see cref="MaxDepth"/>, control characters, unpaired
/// surrogates or invalid UTF-8 in a string or property name, strings longer than <see cref="MaxStringLength"/>, and
/// number literals longer than <see cref="MaxNumberLength"/>. Comments, trailing commas and trailing content are
/// syntax errors of the reader. Duplicate properties, wrong types and out-of-range numbers are left to the serializer
/// (<see cref="ApiJson"/> refuses them), which names the property at fault.
/// </summary>
public static class StrictJson
{
    /// <summary>Objects and arrays nested deeper than this are refused; the deepest body of the API nests five.</summary>
    public const int MaxDepth = 16;

    /// <summary>Characters of one string after unescaping; twice the longest field the API accepts (a webhook URL).</summary>
    public const int MaxStringLength = 4096;

    /// <summary>Bytes of one number literal; a long has 20 characters with its sign, a double's shortest form 24.</summary>
    public const int MaxNumberLength = 32;

    /// <summary>Longer property names are left out of <c>param</c>: no field of the API has one.</summary>
    private const int MaxParamNameLength = 64;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The problem with <paramref name="body"/>, or null when it may be deserialised.</summary>
    public static ApiError? Check(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith(ByteOrderMark))
        {
            return ApiError.MalformedBody("The request body starts with a byte order mark; send UTF-8 JSON without one.");
        }

        var path = new JsonPath();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                var error = Visit(ref reader, path);
                if (error is not null)
                {
                    return error;
                }
            }
        }
        catch (JsonException e)
        {
            return Malformed(path, FirstSentence(e.Message));
        }

        return null;
    }

    private static ApiError? Visit(ref Utf8JsonReader reader, JsonPath path)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                path.Value();
                if (path.Depth == MaxDepth)
                {
                    return Malformed(path, $"The JSON nests deeper than {MaxDepth} levels.");
                }

                path.Open(reader.TokenType == JsonTokenType.StartArray);
                return null;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                path.Close();
                return null;
            case JsonTokenType.PropertyName:
                path.Name(null);
                var (name, nameError) = ReadString(ref reader, path, "A property name");
                path.Name(name is { Length: <= MaxParamNameLength } ? name : null);
                return nameError;
            case JsonTokenType.String:
                path.Value();
                return ReadString(ref reader, path, "A string").Error;
            case JsonTokenType.Number:
                path.Value();
                return reader.ValueSpan.Length > MaxNumberLength
                    ? Malformed(path, $"A number has more than {MaxNumberLength} characters.")
                    : null;
            default:
                path.Value();
                return null;
        }
    }

    /// <summary>The string (or property name) when it is clean, else the problem with it.</summary>
    private static (string? Value, ApiError? Error) ReadString(ref Utf8JsonReader reader, JsonPath path, string what)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return (null, Invalid(path, $"{what} is not valid UTF-8 or has an unpaired surrogate."));
        }

        if (value.Length > MaxStringLength)
        {
            return (null, Invalid(path, $"{what} is longer than {MaxStringLength} characters."));
        }

        return IsClean(value) ? (value, null) : (null, Invalid(path, $"{what} contains a control character."));
    }

    /// <summary>Tab, line feed and carriage return are text (a note in metadata may have lines); other controls are not.</summary>
    private static bool IsClean(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static ApiError Malformed(JsonPath path, string detail) =>
        new(StatusCodes.Status400BadRequest, "body_invalid", "The request body is not valid JSON for this endpoint.", detail, path.ToParam());

    private static ApiError Invalid(JsonPath path, string detail) =>
        ApiError.InvalidRequest(path.ToParam() ?? "body", detail);

    internal static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>Where the reader is, in the API's <c>param</c> form (<c>split.recipients[0].account</c>).</summary>
    private sealed class JsonPath
    {
        private readonly List<Frame> frames = [];

        public int Depth => frames.Count;

        public void Open(bool array) => frames.Add(new Frame(array));

        public void Close()
        {
            if (frames.Count > 0)
            {
                frames.RemoveAt(frames.Count - 1);
            }
        }

        public void Name(string? name)
        {
            if (frames.Count > 0)
            {
                frames[^1].Name = name;
            }
        }

        /// <summary>A value starts: in an array it is the next element.</summary>
        public void Value()
        {
            if (frames.Count > 0 && frames[^1].Array)
            {
                frames[^1].Index++;
            }
        }

        public string? ToParam()
        {
            var param = new StringBuilder();
            foreach (var frame in frames)
            {
                if (frame.Array)
                {
                    if (frame.Index >= 0)
                    {
                        param.Append('[').Append(frame.Index).Append(']');
                    }
                }
                else if (frame.Name is not null)
                {
                    param.Append(param.Length == 0 ? "" : ".").Append(frame.Name);
                }
            }

            return param.Length == 0 ? null : param.ToString();
        }

        private sealed class Frame(bool array)
        {
            public bool Array { get; } = array;

            public int Index { get; set; } = -1;

            public string? Name { get; set; }
        }
    }
}
