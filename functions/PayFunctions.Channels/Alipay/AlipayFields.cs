using System.Globalization;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Alipay;

/// <summary>Alipay's wire formats: yuan amounts as decimal strings, China-time timestamps, trade states.</summary>
public static class AlipayFields
{
    /// <summary>Alipay's timestamps (<c>timestamp</c>, <c>gmt_payment</c>, <c>time_expire</c>) are Beijing time, UTC+8.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    // gmt_refund in notifications carries milliseconds ("2015-04-28 15:45:57.320").
    private static readonly string[] TimeFormats = [TimeFormat, "yyyy-MM-dd HH:mm:ss.FFF"];

    /// <summary>Fen as the yuan string Alipay expects, always with two decimals: 1 → "0.01", 12345 → "123.45".</summary>
    public static string FormatYuan(long fen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fen);
        return (fen / 100).ToString(CultureInfo.InvariantCulture) + "." + (fen % 100).ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Parses a yuan string ("88.88", "0.1", "100") into fen exactly, digit by digit, without any floating point.
    /// False for a sign, exponent, more than two decimals, grouping, surrounding blanks or more than 12 integer digits.
    /// </summary>
    public static bool TryParseFen(string? yuan, out long fen)
    {
        fen = 0;
        if (string.IsNullOrEmpty(yuan))
        {
            return false;
        }

        var dot = yuan.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? yuan : yuan[..dot];
        var fraction = dot < 0 ? string.Empty : yuan[(dot + 1)..];
        if (integer.Length is 0 or > 12 || (dot >= 0 && fraction.Length is 0 or > 2)
            || !integer.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        long value = 0;
        foreach (var digit in integer)
        {
            value = (value * 10) + (digit - '0');
        }

        value *= 100;
        if (fraction.Length > 0)
        {
            value += (fraction[0] - '0') * 10;
        }

        if (fraction.Length > 1)
        {
            value += fraction[1] - '0';
        }

        fen = value;
        return true;
    }

    /// <summary>An instant as Alipay writes it, in Beijing time.</summary>
    public static string FormatTime(DateTimeOffset instant) =>
        instant.ToOffset(ChinaStandardTime).ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses "yyyy-MM-dd HH:mm:ss" (optionally with milliseconds) in Beijing time; an absent value is valid and yields null.</summary>
    public static bool TryParseTime(string? value, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!DateTime.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        instant = new DateTimeOffset(local, ChinaStandardTime);
        return true;
    }

    /// <summary>
    /// Maps <c>trade_status</c>. TRADE_CLOSED means either an unpaid trade that was closed or a paid trade that was
    /// refunded in full; <paramref name="wasPaid"/> (a payment time is present) tells them apart.
    /// False for a status this code does not know, which must not be guessed.
    /// </summary>
    public static bool TryMapTradeStatus(string? tradeStatus, bool wasPaid, out ChannelTradeState state)
    {
        (var known, state) = tradeStatus switch
        {
            "WAIT_BUYER_PAY" => (true, ChannelTradeState.NotPaid),
            "TRADE_SUCCESS" => (true, ChannelTradeState.Succeeded),
            "TRADE_FINISHED" => (true, ChannelTradeState.Succeeded),
            "TRADE_CLOSED" => (true, wasPaid ? ChannelTradeState.Refunded : ChannelTradeState.Closed),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>Fen in CNY, the only currency of a domestic Alipay app.</summary>
    public static Money Cny(long fen) => new(fen, Currency.Cny);
}
