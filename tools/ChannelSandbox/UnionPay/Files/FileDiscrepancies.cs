using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ChannelSandbox.UnionPay.Files;

/// <summary>The differences a reconciliation file can be made to show, each as a reconciliation would classify it.</summary>
public enum FileDiscrepancyKind
{
    /// <summary>长款: a consume the merchant never sent.</summary>
    Unknown,

    /// <summary>短款: a processed consume or refund left off the file.</summary>
    Missing,

    /// <summary>交易金额 differs from what was processed.</summary>
    Amount,

    /// <summary>The line is listed as a void (消费撤销, 31) instead of what it was.</summary>
    Status,

    /// <summary>商户手续费 differs from the rate.</summary>
    Fee,

    /// <summary>The line is listed twice.</summary>
    Duplicate,

    /// <summary>The line is left off its day's file and listed on the next day's, at its midnight.</summary>
    DateShift,
}

/// <summary>
/// One injected difference in the file of <paramref name="Day"/>, about the line of ACP order id <paramref name="OrderId"/>
/// (or for <see cref="FileDiscrepancyKind.Unknown"/> the order id of the line it adds, with its <paramref name="QueryId"/>).
/// <paramref name="Amount"/> and <paramref name="Fee"/> (fen) are the line's new values.
/// </summary>
public sealed record FileDiscrepancy(DateOnly Day, FileDiscrepancyKind Kind, string OrderId, long? Amount = null, long? Fee = null, string? QueryId = null);

/// <summary>The differences injected into each day's file, in the order they were asked for.</summary>
public sealed class FileDiscrepancies
{
    /// <summary>Bounds what a caller can make the sandbox hold for one day.</summary>
    public const int MaxPerDay = 1_000;

    private readonly ConcurrentDictionary<DateOnly, ImmutableList<FileDiscrepancy>> _byDay = new();

    /// <summary>Adds <paramref name="discrepancy"/>; false when its day already holds <see cref="MaxPerDay"/>.</summary>
    public bool TryAdd(FileDiscrepancy discrepancy)
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

    public IReadOnlyList<FileDiscrepancy> Of(DateOnly day) => _byDay.GetValueOrDefault(day) ?? [];

    public void Clear(DateOnly day) => _byDay.TryRemove(day, out _);
}
