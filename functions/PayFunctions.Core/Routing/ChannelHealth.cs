using System.Collections.Concurrent;
using System.Security.Cryptography;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Live health of every channel account, as this instance sees it merged with what the other instances stored.
/// Recording is in memory; <see cref="ChannelHealthSync"/> stores this instance's changes and reads the others'
/// every <see cref="SyncInterval"/>, so another instance's calls show here within about two intervals. A merged
/// answer is reused for up to <see cref="CacheFor"/> unless this instance recorded something meanwhile.
/// </summary>
public sealed class ChannelHealth(TimeProvider time)
{
    /// <summary>How often this instance stores its changes and reads the others'.</summary>
    public static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(5);

    /// <summary>Another instance's row older than this is ignored: that instance stopped calling the account, or stopped.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(3);

    /// <summary>How long a merged answer is reused when nothing was recorded here.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<ChannelAccountId, AccountWindow> windows = new();
    private readonly ConcurrentDictionary<ChannelAccountId, Cached> answers = new();
    private volatile Others others = new(new Dictionary<ChannelAccountId, IReadOnlyList<WindowSample>>(), 0);

    /// <summary>This instance's row key: new per process, so a restarted instance never reads its own old row as another's.</summary>
    public string InstanceId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Counts one attempt of a call to <paramref name="account"/> that ended as <paramref name="result"/> after <paramref name="latency"/>.</summary>
    public void Record(ChannelAccountId account, ChannelCallResult result, TimeSpan latency) =>
        Window(account).Record(result, latency, time.GetUtcNow());

    /// <summary>This instance's breaker for <paramref name="account"/> opened until <paramref name="openUntil"/>, or let calls through again (null).</summary>
    public void RecordCircuit(ChannelAccountId account, DateTimeOffset? openUntil) => Window(account).SetCircuit(openUntil);

    /// <summary>The account's health across instances; an account never called has the prior's estimate and no latencies.</summary>
    public AccountHealth Get(ChannelAccountId account)
    {
        var now = time.GetUtcNow();
        var localVersion = windows.TryGetValue(account, out var window) ? window.Version : -1;
        var snapshot = others;
        if (answers.TryGetValue(account, out var cached)
            && cached.LocalVersion == localVersion
            && cached.OthersVersion == snapshot.Version
            && now - cached.Health.AsOf < CacheFor
            && now >= cached.Health.AsOf)
        {
            return cached.Health;
        }

        var samples = snapshot.Samples.TryGetValue(account, out var stored) ? stored : [];
        var health = WindowSample.Combine(window is null ? samples : [window.Sample(now), .. samples], now);
        answers[account] = new Cached(health, localVersion, snapshot.Version);
        return health;
    }

    /// <summary>The accounts whose window changed since <paramref name="written"/> last saw them, with their versions.</summary>
    internal IEnumerable<(ChannelAccountId Account, long Version, WindowSample Sample)> ChangedSince(IReadOnlyDictionary<ChannelAccountId, long> written, DateTimeOffset now)
    {
        foreach (var (account, window) in windows)
        {
            var version = window.Version;
            if (!written.TryGetValue(account, out var seen) || seen != version)
            {
                yield return (account, version, window.Sample(now));
            }
        }
    }

    /// <summary>Replaces what the other instances reported.</summary>
    internal void ReplaceOthers(IReadOnlyDictionary<ChannelAccountId, IReadOnlyList<WindowSample>> samples) =>
        others = new Others(samples, others.Version + 1);

    private AccountWindow Window(ChannelAccountId account) => windows.GetOrAdd(account, _ => new AccountWindow());

    private sealed record Cached(AccountHealth Health, long LocalVersion, long OthersVersion);

    private sealed record Others(IReadOnlyDictionary<ChannelAccountId, IReadOnlyList<WindowSample>> Samples, long Version);
}
