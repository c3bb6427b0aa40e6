using System.Text;
using CsCheck;

namespace PayFunctions.FuzzTests.Harness;

/// <summary>
/// Inputs for a parser: mutations of valid samples (bit flips, truncation, splicing, swapped fields, unicode and
/// JSON tokens put in) and pure random bytes. Everything is drawn from CsCheck's generators, so a failure's seed
/// replays it and shrinking works on the choices.
/// </summary>
public static class Mutations
{
    // What breaks parsers: quotes and separators, escapes, huge numbers, control characters, invalid UTF-8,
    // surrogates, right-to-left and zero-width marks, a byte order mark.
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "\"", "\\", "{", "}", "[", "]", ":", ",", "=", "&", "%", "%zz", "%00", "+", "null", "true", "-", "0", "-0", "1e999",
            "99999999999999999999999", "0.000000000000000001", "NaN", "\\u0000", "\\ud800", "\\uDFFF", "\u0000", "\u0007",
            "\u0085", "\u202E", "\u200B", "\uFEFF", "é", "咖啡", "😀", "\r\n", "\t", " ", "<", "&amp;", "'", "/*", "//",
            "{\"a\":", "[[[[[[[[[[[[[[[[[[[[", "=====", "t=", "v1=", "keyVersion=", "signature=", "algorithm=",
        }.Select(Encoding.UTF8.GetBytes),
        [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xEF, 0xBB, 0xBF], [0x80],
    ];

    /// <summary>One to three edits, to apply to an input (with another to splice from).</summary>
    public static Gen<Edits> Edits { get; } =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte.Array[1, 16]).Array[1, 3].Select(steps => new Edits(steps));

    /// <summary>One of the seeds changed one to three times, or (one time in eight) random bytes.</summary>
    public static Gen<byte[]> Of(IReadOnlyList<byte[]> seeds)
    {
        var mutated = Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, seeds.Count - 1], Edits, (s, other, edits) => edits.ApplyTo(seeds[s], seeds[other]));
        return Gen.Frequency((7, mutated), (1, Gen.Byte.Array[0, 512]));
    }

    /// <summary>Text mutated as UTF-8 bytes; invalid sequences come back as U+FFFD, as a decoder would give them.</summary>
    public static Gen<string> OfText(IReadOnlyList<string> seeds) =>
        Of([.. seeds.Select(Encoding.UTF8.GetBytes)]).Select(b => Encoding.UTF8.GetString(b));

    internal static byte[] Apply(byte[] bytes, byte[] other, int op, int a, int b, byte[] random)
    {
        var at = bytes.Length == 0 ? 0 : a % bytes.Length;
        var length = bytes.Length - at == 0 ? 0 : 1 + (b % (bytes.Length - at));
        var result = bytes.ToList();
        switch (op)
        {
            case 0: // flip one bit
                if (bytes.Length > 0)
                {
                    result[at] ^= (byte)(1 << (b % 8));
                }

                break;
            case 1: // truncate
                result.RemoveRange(at, bytes.Length - at);
                break;
            case 2: // delete a range
                result.RemoveRange(at, Math.Min(length, 64));
                break;
            case 3: // overwrite with random bytes
                for (var i = 0; i < random.Length && at + i < result.Count; i++)
                {
                    result[at + i] = random[i];
                }

                break;
            case 4: // insert a token
                result.InsertRange(at, Tokens[b % Tokens.Length]);
                break;
            case 5: // splice: this sample's head, another's tail
                var cut = other.Length == 0 ? 0 : b % other.Length;
                result.RemoveRange(at, bytes.Length - at);
                result.AddRange(other.AsSpan(cut).ToArray());
                break;
            case 6: // repeat a range
                result.InsertRange(at, bytes.AsSpan(at, Math.Min(length, 256)).ToArray());
                break;
            case 7: // swap two ranges split at a separator (fields, pairs, header parts)
                return SwapFields(bytes, a, b);
            case 8: // a digit made another, or a number made long
                var digit = bytes.AsSpan(at).IndexOfAnyInRange((byte)'0', (byte)'9');
                if (digit >= 0)
                {
                    result.InsertRange(at + digit, Encoding.ASCII.GetBytes(new string((char)('0' + (b % 10)), 1 + (b % 24))));
                }

                break;
            default: // insert random bytes
                result.InsertRange(at, random);
                break;
        }

        return [.. result];
    }

    private static byte[] SwapFields(byte[] bytes, int a, int b)
    {
        var separators = new[] { (byte)',', (byte)'&', (byte)'\n', (byte)';' };
        var parts = Split(bytes, separators[b % separators.Length]);
        if (parts.Count < 2)
        {
            return bytes;
        }

        var i = a % parts.Count;
        var j = b % parts.Count;
        (parts[i], parts[j]) = (parts[j], parts[i]);
        return Join(parts, separators[b % separators.Length]);
    }

    private static List<byte[]> Split(byte[] bytes, byte separator)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == separator)
            {
                parts.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return parts;
    }

    private static byte[] Join(List<byte[]> parts, byte separator)
    {
        var joined = new List<byte>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                joined.Add(separator);
            }

            joined.AddRange(parts[i]);
        }

        return [.. joined];
    }
}

/// <summary>A drawn sequence of edits; applied in order.</summary>
public sealed record Edits((int Op, int A, int B, byte[] Random)[] Steps)
{
    public byte[] ApplyTo(byte[] input, byte[] other)
    {
        var bytes = input;
        foreach (var (op, a, b, random) in Steps)
        {
            bytes = Mutations.Apply(bytes, other, op, a, b, random);
        }

        return bytes;
    }

    public string ApplyTo(string input, string other) =>
        Encoding.UTF8.GetString(ApplyTo(Encoding.UTF8.GetBytes(input), Encoding.UTF8.GetBytes(other)));
}
