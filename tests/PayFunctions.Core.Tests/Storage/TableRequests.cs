using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Storage;

/// <summary>What a piece of work sent to the platform's tables, as "table kind" → count, from a counter of its own.</summary>
public static class TableRequests
{
    public static IReadOnlyDictionary<string, long> Of(StorageRequestCounter counter) =>
        counter.Snapshot()
            .Where(c => c.Key.Origin == StorageRequestCounter.Platform && c.Key.Service == StorageService.Table)
            .ToDictionary(c => c.Key.Resource + " " + c.Key.Kind, c => c.Value, StringComparer.Ordinal);

    /// <summary>The requests sent since <paramref name="before"/> was taken.</summary>
    public static IReadOnlyDictionary<string, long> Since(StorageRequestCounter counter, IReadOnlyDictionary<string, long> before) =>
        Of(counter)
            .Select(c => (c.Key, Value: c.Value - before.GetValueOrDefault(c.Key)))
            .Where(c => c.Value != 0)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
}
