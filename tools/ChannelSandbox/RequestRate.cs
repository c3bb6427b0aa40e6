namespace ChannelSandbox;

/// <summary>
/// When each call reached the sandbox, by path, so a test can measure what a channel would see: the most
/// calls that started in any one-second window under a path prefix. Channel-neutral: it knows paths only.
/// <c>GET /sandbox/request_rate?prefix=/v3/pay</c> reports; <c>DELETE /sandbox/request_rate</c> forgets.
/// </summary>
public sealed class RequestRate(TimeProvider time)
{
    /// <summary>Calls remembered at most; older ones are forgotten first, so a long run cannot grow without bound.</summary>
    public const int Capacity = 200_000;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock gate = new();
    private readonly Queue<(string Path, long At)> calls = new();

    public void Record(string path)
    {
        var at = time.GetTimestamp();
        lock (gate)
        {
            if (calls.Count == Capacity)
            {
                calls.Dequeue();
            }

            calls.Enqueue((path, at));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            calls.Clear();
        }
    }

    /// <summary>The calls under <paramref name="prefix"/>, and the most of them that started within any one second.</summary>
    public (int Calls, int MaxPerSecond) Measure(string prefix)
    {
        long[] starts;
        lock (gate)
        {
            starts = [.. calls.Where(c => c.Path.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c.At)];
        }

        return (starts.Length, MaxInWindow(starts, (long)(Window.TotalSeconds * time.TimestampFrequency)));
    }

    /// <summary>The most starts any half-open window [t, t + window) holds; <paramref name="starts"/> is in arrival order.</summary>
    public static int MaxInWindow(IReadOnlyList<long> starts, long window)
    {
        var max = 0;
        var first = 0;
        for (var last = 0; last < starts.Count; last++)
        {
            while (starts[last] - starts[first] >= window)
            {
                first++;
            }

            max = Math.Max(max, last - first + 1);
        }

        return max;
    }
}

public static class RequestRateEndpoints
{
    public static IServiceCollection AddRequestRate(this IServiceCollection services) => services.AddSingleton<RequestRate>();

    /// <summary>Records every call outside the sandbox's own control routes, and maps the report.</summary>
    public static void MapRequestRate(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/sandbox", StringComparison.Ordinal))
            {
                context.RequestServices.GetRequiredService<RequestRate>().Record(context.Request.Path.Value ?? "/");
            }

            await next(context);
        });
        app.MapGet("/sandbox/request_rate", (string? prefix, RequestRate rate) =>
        {
            var (calls, maxPerSecond) = rate.Measure(prefix ?? "/");
            return Results.Ok(new { prefix = prefix ?? "/", calls, max_per_second = maxPerSecond });
        });
        app.MapDelete("/sandbox/request_rate", (RequestRate rate) =>
        {
            rate.Clear();
            return Results.NoContent();
        });
    }
}
