using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ChannelSandbox.Statements;

/// <summary>The differences injected into each day's statement of one channel, in the order they were asked for.</summary>
public sealed class BillDiscrepancies
{
    /// <summary>Bounds what a caller can make the sandbox hold for one day.</summary>
    public const int MaxPerDay = 1_000;

    private readonly ConcurrentDictionary<DateOnly, ImmutableList<BillDiscrepancy>> _byDay = new();

    /// <summary>Adds <paramref name="discrepancy"/>; false when its day already holds <see cref="MaxPerDay"/>.</summary>
    public bool TryAdd(BillDiscrepancy discrepancy)
    {
        var added = true;
        _byDay.AddOrUpdate(
            discrepancy.Day,
            _ => [discrepancy],
            (_, existing) =>
            {
                added = existing.Count < MaxPerDay;
                return added ? existing.Add(discrepancy) : existing;
            });
        return added;
    }

    public IReadOnlyList<BillDiscrepancy> Of(DateOnly day) => _byDay.GetValueOrDefault(day) ?? [];

    public void Clear(DateOnly day) => _byDay.TryRemove(day, out _);
}
