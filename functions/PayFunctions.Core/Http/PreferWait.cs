using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Http;

/// <summary>
/// How long the merchant lets a create wait for the channel, from RFC 7240's <c>Prefer</c> header:
/// <c>wait=N</c> (seconds, 0–<see cref="MaxSeconds"/>; more is capped) or <c>respond-async</c> (do not
/// wait). Without either, the create waits up to <see cref="Default"/>. A preference the server cannot
/// read is ignored, as the RFC asks, and only the first of a repeated preference counts.
/// </summary>
public sealed record PreferWait(TimeSpan Wait, string? Applied)
{
    public const int MaxSeconds = 30;
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

    public static PreferWait Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        int? wait = null;
        var respondAsync = false;
        foreach (var preference in request.Headers["Prefer"].SelectMany(v => (v ?? "").Split(',')))
        {
            var (name, value) = NameAndValue(preference);
            if (name.Equals("wait", StringComparison.OrdinalIgnoreCase) && wait is null && int.TryParse(value, out var seconds) && seconds >= 0)
            {
                wait = Math.Min(seconds, MaxSeconds);
            }
            else if (name.Equals("respond-async", StringComparison.OrdinalIgnoreCase))
            {
                respondAsync = true;
            }
        }

        return (wait, respondAsync) switch
        {
            ({ } seconds, _) => new PreferWait(TimeSpan.FromSeconds(seconds), $"wait={seconds}"),
            (null, true) => new PreferWait(TimeSpan.Zero, "respond-async"),
            _ => new PreferWait(Default, null),
        };
    }

    /// <summary>A preference is <c>token [ "=" value ] *( ";" parameter )</c>; the value may be quoted.</summary>
    private static (string Name, string Value) NameAndValue(string preference)
    {
        var head = preference.Split(';')[0];
        var equals = head.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (head.Trim(), "") : (head[..equals].Trim(), head[(equals + 1)..].Trim().Trim('"'));
    }
}
