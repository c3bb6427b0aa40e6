using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>Something the platform wrote: where it is (table/partition/row/property, blob, queue message, log) and its bytes.</summary>
public sealed record ScanItem(string Where, ReadOnlyMemory<byte> Content)
{
    public static ScanItem Text(string where, string text) => new(where, Encoding.UTF8.GetBytes(text));
}

/// <summary>A secret value the run configured (a channel key, the pepper, the KEK, an API key the tests hold) and its kind.</summary>
public sealed record KnownSecret(string Kind, string Value);

/// <summary>A secret found in the clear: where and which kind, never the value.</summary>
public sealed record SecretFinding(string Where, string Kind)
{
    public override string ToString() => $"{Kind} in {Where}";
}

/// <summary>
/// Looks for secrets in the clear in what the platform wrote: card numbers (13 to 19 digits, plain or grouped by spaces
/// or dashes, under a card scheme's prefix and Luhn-valid), merchants' API keys and webhook secrets by their shape,
/// private keys in PEM, and the values the run configured. Storage hides text in two ways, both undone here: base64
/// (queue messages, binary properties, JSON fields holding bytes) and gzip (Durable's large messages); a base64 run
/// inside a text is decoded and searched too, two levels deep.
/// </summary>
public sealed partial class PlaintextSecretScanner(IReadOnlyList<KnownSecret> known)
{
    private const int MaxDepth = 2;
    private const int MaxInflatedBytes = 64 * 1024 * 1024;

    public IReadOnlyList<SecretFinding> Scan(IEnumerable<ScanItem> items) =>
        [.. items.SelectMany(item => KindsIn(item.Content, 0).Distinct().Select(kind => new SecretFinding(item.Where, kind)))];

    public IEnumerable<string> KindsIn(string text) => KindsIn(Encoding.UTF8.GetBytes(text), 0).Distinct();

    /// <summary>Luhn's check: the card scheme's own, which a random digit string passes one time in ten.</summary>
    public static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// Prefixes (IIN ranges) of the schemes that issue cards: Visa, Mastercard, Amex, Discover, JCB, UnionPay, Diners,
    /// Maestro. Without them one numeric id in ten would look like a card (a 13-digit Unix time in milliseconds).
    /// </summary>
    public static bool HasCardPrefix(string digits)
    {
        int Prefix(int length) => int.Parse(digits.AsSpan(0, length), System.Globalization.CultureInfo.InvariantCulture);
        var length = digits.Length;
        return digits[0] == '4' && length is 13 or 16 or 19
            || Prefix(2) is >= 51 and <= 55 && length == 16
            || Prefix(4) is >= 2221 and <= 2720 && length == 16
            || Prefix(2) is 34 or 37 && length == 15
            || (Prefix(4) == 6011 || Prefix(2) == 65 || Prefix(3) is >= 644 and <= 649) && length is >= 16 and <= 19
            || Prefix(4) is >= 3528 and <= 3589 && length is >= 16 and <= 19
            || Prefix(2) == 62 && length is >= 16 and <= 19
            || (Prefix(3) is >= 300 and <= 305 || Prefix(2) is 36 or 38) && length is >= 14 and <= 19
            || Prefix(4) is 5018 or 5020 or 5038 or 5893 or 6304 or 6759 or 6761 or 6762 or 6763 && length is >= 13 and <= 19;
    }

    private IEnumerable<string> KindsIn(ReadOnlyMemory<byte> content, int depth)
    {
        if (Inflate(content) is { } inflated)
        {
            foreach (var kind in KindsIn(inflated, depth))
            {
                yield return kind;
            }

            yield break;
        }

        var text = Encoding.UTF8.GetString(content.Span);
        foreach (var kind in KindsInText(text))
        {
            yield return kind;
        }

        if (depth >= MaxDepth)
        {
            yield break;
        }

        foreach (Match run in Base64Run().Matches(text))
        {
            if (Decode(run.Value) is { } decoded)
            {
                foreach (var kind in KindsIn(decoded, depth + 1))
                {
                    yield return kind;
                }
            }
        }
    }

    private IEnumerable<string> KindsInText(string text)
    {
        foreach (Match candidate in CardCandidate().Matches(text))
        {
            var digits = string.Concat(candidate.Value.Where(char.IsAsciiDigit));
            if (digits.Length is >= 13 and <= 19 && HasCardPrefix(digits) && IsLuhnValid(digits))
            {
                yield return "card number";
                break;
            }
        }

        if (ApiKey().IsMatch(text))
        {
            yield return "API key";
        }

        if (OperatorKey().IsMatch(text))
        {
            yield return "operator key";
        }

        if (SigningSecret().IsMatch(text))
        {
            yield return "request-signing secret";
        }

        if (WebhookSecret().IsMatch(text))
        {
            yield return "webhook secret";
        }

        if (PrivateKeyPem().IsMatch(text))
        {
            yield return "private key (PEM)";
        }

        foreach (var secret in known)
        {
            if (text.Contains(secret.Value, StringComparison.Ordinal))
            {
                yield return secret.Kind;
            }
        }
    }

    private static byte[]? Inflate(ReadOnlyMemory<byte> content)
    {
        if (content.Length < 18 || content.Span[0] != 0x1f || content.Span[1] != 0x8b)
        {
            return null;
        }

        try
        {
            using var input = new MemoryStream(content.ToArray());
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxInflatedBytes)
                {
                    throw new InvalidDataException("The content inflates beyond what a scan reads.");
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static byte[]? Decode(string run)
    {
        var standard = run.Replace('-', '+').Replace('_', '/');
        var padded = standard.TrimEnd('=');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        var buffer = new byte[padded.Length * 3 / 4];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>A whole number: not part of a word, nor of a longer run of digit groups.</summary>
    [GeneratedRegex(@"(?<![\w-]|\d[ -])(?:\d{13,19}|\d{4}(?:[ -]\d{3,6}){2,4})(?![\w-]|[ -]\d)")]
    private static partial Regex CardCandidate();

    /// <summary>A full key: the 12 characters shown in listings (<c>sk_live_abcd</c>) are not one.</summary>
    [GeneratedRegex(@"sk_(?:test|live)_[A-Za-z0-9_]{16,}")]
    private static partial Regex ApiKey();

    /// <summary>An operator's key: the prefix shown in listings (<c>opk_op_…</c> and six characters) is not one.</summary>
    [GeneratedRegex(@"opk_op_[0-9a-z]{24}\.[0-9a-z]{40}")]
    private static partial Regex OperatorKey();

    [GeneratedRegex(@"pfsig_[0-9a-z]{40}")]
    private static partial Regex SigningSecret();

    [GeneratedRegex(@"whsec_[A-Za-z0-9+/=]{16,}")]
    private static partial Regex WebhookSecret();

    [GeneratedRegex(@"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----")]
    private static partial Regex PrivateKeyPem();

    [GeneratedRegex(@"[A-Za-z0-9+/_-]{24,}={0,2}")]
    private static partial Regex Base64Run();
}
