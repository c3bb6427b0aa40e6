using System.Globalization;

namespace PayFunctions.Channels.UnionPay;

/// <summary>
/// How the platform's numbers become ACP order fields. ACP wants an <c>orderId</c> of 8–40 letters and digits
/// (no '_') and, to query, refund or void an order, the original <c>txnTime</c> (yyyyMMddHHmmss, China time) too.
/// The platform's ids ("pay_" + 24 base-36 characters, the first 12 being 36^12−1 minus the creation time in Unix
/// milliseconds) carry both: <c>orderId</c> is the id without its '_', and <c>txnTime</c> is its creation second.
/// So nothing has to be stored to query an order later, and a repeated prepay sends the very same order.
/// </summary>
internal static class UnionPayOrderNumbers
{
    private const int BodyLength = 24;
    private const int TimeDigits = 12;
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const string TimeFormat = "yyyyMMddHHmmss";
    private static readonly long MaxMillis = (long)Math.Pow(36, TimeDigits) - 1;
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>"pay_0abc…" → "pay0abc…".</summary>
    /// <exception cref="ArgumentException">The number is not one of the platform's ids.</exception>
    public static string ToOrderId(string number)
    {
        Parse(number, nameof(number));
        return number.Replace("_", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The reverse of <see cref="ToOrderId"/>; false for an order id the platform did not make.</summary>
    public static bool TryFromOrderId(string? orderId, out string number)
    {
        number = string.Empty;
        if (orderId is null || orderId.Length <= BodyLength || !orderId.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        var candidate = orderId[..^BodyLength] + "_" + orderId[^BodyLength..];
        if (!TryParse(candidate, out _))
        {
            return false;
        }

        number = candidate;
        return true;
    }

    /// <summary>The <c>txnTime</c> of the order or refund the number names: its creation second in China time.</summary>
    public static string TxnTime(string number) => FormatChinaTime(Parse(number, nameof(number)));

    public static string FormatChinaTime(DateTimeOffset instant) =>
        instant.ToOffset(ChinaStandardTime).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParseChinaTime(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text + "+08:00", TimeFormat + "zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);

    /// <summary>
    /// When a transaction completed, from its <c>traceTime</c> (MMddHHmmss, China time, no year): the year is the
    /// order's, or the next one when the month wrapped round past New Year.
    /// </summary>
    public static DateTimeOffset? CompletedAt(string? traceTime, string? txnTime)
    {
        if (traceTime is not { Length: 10 } || !TryParseChinaTime(txnTime, out var ordered))
        {
            return null;
        }

        var chinaOrdered = ordered.ToOffset(ChinaStandardTime);
        if (!TryParseChinaTime(chinaOrdered.Year.ToString("D4", CultureInfo.InvariantCulture) + traceTime, out var completed))
        {
            return null;
        }

        return completed < chinaOrdered.AddDays(-1) ? completed.AddYears(1) : completed;
    }

    private static DateTimeOffset Parse(string number, string parameterName) =>
        TryParse(number, out var created)
            ? created
            : throw new ArgumentException($"'{number}' is not a platform id of the form prefix_ + {BodyLength} base-36 characters.", parameterName);

    private static bool TryParse(string? number, out DateTimeOffset created)
    {
        created = default;
        var underscore = number?.IndexOf('_', StringComparison.Ordinal) ?? -1;
        if (number is null || underscore <= 0 || number.Length - underscore - 1 != BodyLength
            || number.AsSpan(0, underscore).ContainsAnyExceptInRange('a', 'z'))
        {
            return false;
        }

        long inverted = 0;
        var body = number.AsSpan(underscore + 1);
        for (var i = 0; i < BodyLength; i++)
        {
            var digit = Alphabet.IndexOf(body[i], StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            if (i < TimeDigits)
            {
                inverted = (inverted * 36) + digit;
            }
        }

        var millis = MaxMillis - inverted;
        if (millis < 0 || millis > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        created = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        return true;
    }
}
