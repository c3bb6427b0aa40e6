using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Keeps every call to a channel account within the account's limits: never more than
/// <c>RatePerSecond</c> calls arriving at the channel in any one-second window (a lease is held for the
/// call's whole length, and its slot frees a window after the call ends), and never more than
/// <c>MaxConcurrency</c> in flight. Both are read from <c>Channels:{Key}:Accounts:{id}</c>; an
/// account without them is unlimited. Waiters are served first come, first served.
/// </summary>
public sealed class ChannelAccountThrottle(IConfiguration configuration, IOptions<ChannelWorkOptions> options, TimeProvider time)
{
    /// <summary>
    /// Counted from call ends, two calls a window apart arrive at the channel at least a window apart, whatever
    /// the network does: the later one starts a window after the earlier one ended, and each arrives between its
    /// own start and end. The margin covers only a channel that counts its second on a clock or with a rounding
    /// of its own.
    /// </summary>
    public static readonly TimeSpan DefaultArrivalMargin = TimeSpan.FromMilliseconds(10);

    private static readonly IDisposable Unlimited = new NoLease();
    private readonly ConcurrentDictionary<ChannelAccountId, ThrottleGate?> gates = new();

    /// <summary>Takes a permit at once if the account has one free; false when it is at a limit or others wait.</summary>
    public bool TryAcquire(ChannelAccountId account, out IDisposable lease)
    {
        if (GateOf(account) is not { } gate)
        {
            lease = Unlimited;
            return true;
        }

        return gate.TryAcquire(out lease);
    }

    /// <summary>Waits for a permit, behind every caller that started waiting earlier.</summary>
    public ValueTask<IDisposable> AcquireAsync(ChannelAccountId account, CancellationToken cancellationToken) =>
        GateOf(account) is { } gate ? gate.AcquireAsync(cancellationToken) : ValueTask.FromResult(Unlimited);

    private ThrottleGate? GateOf(ChannelAccountId account) => gates.GetOrAdd(account, CreateGate);

    private ThrottleGate? CreateGate(ChannelAccountId account)
    {
        var key = ChannelRegistry.IsKnown(account.Channel) ? ChannelRegistry.Module(account.Channel).Capabilities.ConfigurationKey : account.Channel;
        var settings = configuration.GetSection($"Channels:{key}:Accounts:{account.Account}");
        var rate = Positive(settings["RatePerSecond"]);
        var concurrency = Positive(settings["MaxConcurrency"]);
        if (rate is null && concurrency is null)
        {
            return null;
        }

        return new ThrottleGate(rate, concurrency, TimeSpan.FromSeconds(1) + options.Value.RateArrivalMargin, time);
    }

    private static int? Positive(string? value) => int.TryParse(value, out var n) && n > 0 ? n : null;

    private sealed class NoLease : IDisposable
    {
        public void Dispose()
        {
            // Nothing is held for an unlimited account.
        }
    }
}
