using System.Globalization;

namespace ChannelSandbox;

/// <summary>A notification retry schedule as configured: comma-separated, non-negative TimeSpans.</summary>
public static class NotifyRetrySchedule
{
    public static IReadOnlyList<TimeSpan> Parse(string delays) =>
        Split(delays).Select(delay => TimeSpan.Parse(delay, CultureInfo.InvariantCulture)).ToArray();

    public static bool IsValid(string delays) =>
        Split(delays).All(delay => TimeSpan.TryParse(delay, CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero);

    private static string[] Split(string delays) => delays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
