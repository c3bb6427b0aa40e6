using System.Globalization;

namespace ChannelSandbox.WeChatPay;

/// <summary>WeChat Pay writes every time as RFC 3339 in Beijing time, e.g. <c>2018-06-08T10:34:56+08:00</c>.</summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
