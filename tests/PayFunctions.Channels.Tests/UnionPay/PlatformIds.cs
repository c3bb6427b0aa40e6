using System.Globalization;

namespace PayFunctions.Channels.Tests.UnionPay;

/// <summary>Platform ids made the way the platform makes them: prefix_ + 12 base-36 digits of (36^12−1 − Unix ms) + 12 more.</summary>
internal static class PlatformIds
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string At(DateTimeOffset created, string prefix = "pay", string tail = "r4nd0mt41l00")
    {
        var inverted = (long)Math.Pow(36, 12) - 1 - created.ToUnixTimeMilliseconds();
        var digits = new char[12];
        for (var i = 11; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(inverted % 36)];
            inverted /= 36;
        }

        return prefix + "_" + new string(digits) + tail;
    }

    public static string ChinaTime(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
