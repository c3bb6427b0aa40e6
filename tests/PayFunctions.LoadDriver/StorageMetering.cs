namespace PayFunctions.LoadDriver;

/// <summary>
/// Reads LocalHost's storage request counts around each phase of a run. First it counts an idle
/// LocalHost for <see cref="LoadOptions.Idle"/>, so that what it sends anyway (queue polling, timers)
/// can be told apart from what the payments cost.
/// </summary>
public sealed class StorageMetering
{
    // The orchestrations finish the episode that answered the create after the answer; wait for it.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    private readonly HttpClient http;
    private readonly Uri baseUrl;
    private readonly IReadOnlyDictionary<StorageKind, double> idlePerSecond;
    private StorageCounts last;

    private StorageMetering(HttpClient http, Uri baseUrl, IReadOnlyDictionary<StorageKind, double> idlePerSecond, StorageCounts last)
    {
        this.http = http;
        this.baseUrl = baseUrl;
        this.idlePerSecond = idlePerSecond;
        this.last = last;
    }

    /// <summary>Null when the target does not count its storage requests.</summary>
    public static async Task<StorageMetering?> StartAsync(HttpClient http, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var before = await StorageCounts.TakeAsync(http, options.BaseUrl, cancellationToken);
        if (before is null)
        {
            Console.WriteLine($"{options.BaseUrl}{StorageCounts.Path} does not answer: storage requests are not counted.");
            return null;
        }

        Console.WriteLine($"Counting idle storage traffic for {options.Idle.TotalSeconds:0} s.");
        await Task.Delay(options.Idle, cancellationToken);
        var after = await StorageCounts.TakeAsync(http, options.BaseUrl, cancellationToken);
        if (after is null)
        {
            return null;
        }

        var seconds = (after.TakenAt - before.TakenAt).TotalSeconds;
        var idle = after.Since(before).ToDictionary(c => c.Key, c => c.Value / seconds);
        return new StorageMetering(http, options.BaseUrl, idle, after);
    }

    /// <summary>What the storage did since the previous phase, for <paramref name="payments"/> payments.</summary>
    public async Task<StorageCost?> PhaseAsync(string phase, int payments, CancellationToken cancellationToken)
    {
        await Task.Delay(Settle, cancellationToken);
        var now = await StorageCounts.TakeAsync(http, baseUrl, cancellationToken);
        if (now is null)
        {
            return null;
        }

        var cost = StorageCost.From(phase, payments, now.TakenAt - last.TakenAt, now.Since(last), idlePerSecond);
        last = now;
        return cost;
    }
}
