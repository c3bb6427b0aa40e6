using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// The one <see cref="ScreeningIndex"/> an instance screens with, built over every list stored in
/// <see cref="SanctionsLists"/>. An instance compares the lists' ETags at most every
/// <see cref="ScreeningOptions.RefreshInterval"/> and rebuilds the index when one changed, so an upload reaches every
/// instance of a scaled-out app within that time; the rescreen after an upload asks for a check at once. A storage
/// outage keeps the index in use. With no list stored there is no index: nothing is screened, and the log says so.
/// </summary>
public sealed partial class SanctionsIndex(SanctionsLists lists, IOptions<ScreeningOptions> options, TimeProvider time, ILogger<SanctionsIndex> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Loaded? loaded;

    /// <summary>The index in use, checked against storage when it is older than the refresh interval; null while no list is stored.</summary>
    public async Task<ScreeningIndex?> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref loaded);
        return current is not null && time.GetUtcNow() - current.CheckedAt < options.Value.RefreshInterval
            ? current.Index
            : await RefreshAsync(fresh => fresh is not null && time.GetUtcNow() - fresh.CheckedAt < options.Value.RefreshInterval, cancellationToken);
    }

    /// <summary>The index after comparing the stored lists' ETags now, rebuilt if one changed.</summary>
    public Task<ScreeningIndex?> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(_ => false, cancellationToken);

    public void Dispose() => gate.Dispose();

    private async Task<ScreeningIndex?> RefreshAsync(Func<Loaded?, bool> stillFresh, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = Volatile.Read(ref loaded);
            if (stillFresh(current))
            {
                return current!.Index;
            }

            var refreshed = await LoadAsync(current, cancellationToken);
            Volatile.Write(ref loaded, refreshed);
            return refreshed.Index;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Loaded> LoadAsync(Loaded? current, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            var tags = new Dictionary<SanctionsListSource, ETag>();
            foreach (var source in SanctionsListCodes.All)
            {
                try
                {
                    tags[source] = (await lists.Blob(source).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Not uploaded: screened against the other list only.
                }
            }

            if (current is not null && Same(current.ETags, tags))
            {
                return current with { CheckedAt = now };
            }

            if (tags.Count == 0)
            {
                LogNothingLoaded(logger);
                return new Loaded(null, tags, now);
            }

            var entries = new List<SanctionsEntry>();
            foreach (var (source, tag) in tags)
            {
                var download = await lists.Blob(source).DownloadStreamingAsync(
                    new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = tag } }, cancellationToken);
                await using var content = download.Value.Content;
                entries.AddRange(SanctionsListReader.Read(source, content));
            }

            var index = ScreeningIndex.Build(entries);
            LogBuilt(logger, tags.Count, index.EntryCount, index.NameCount);
            return new Loaded(index, tags, now);
        }
        catch (Exception e) when (e is RequestFailedException or FormatException or IOException)
        {
            LogRefreshFailed(logger, e);
            if (current is null)
            {
                LogNothingLoaded(logger);
            }

            return (current ?? new Loaded(null, new Dictionary<SanctionsListSource, ETag>(), now)) with { CheckedAt = now };
        }
    }

    private static bool Same(IReadOnlyDictionary<SanctionsListSource, ETag> before, Dictionary<SanctionsListSource, ETag> now) =>
        before.Count == now.Count && now.All(t => before.TryGetValue(t.Key, out var tag) && tag == t.Value);

    [LoggerMessage(EventId = 8301, Level = LogLevel.Warning, Message = "No sanctions list is loaded: merchants, receivers and payers are not screened until an operator uploads one")]
    private static partial void LogNothingLoaded(ILogger logger);

    [LoggerMessage(EventId = 8302, Level = LogLevel.Information, Message = "Sanctions screening index built from {Lists} lists: {Entries} parties, {Names} names")]
    private static partial void LogBuilt(ILogger logger, int lists, int entries, int names);

    [LoggerMessage(EventId = 8303, Level = LogLevel.Warning, Message = "The sanctions lists could not be refreshed; the index in use is kept")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record Loaded(ScreeningIndex? Index, IReadOnlyDictionary<SanctionsListSource, ETag> ETags, DateTimeOffset CheckedAt);
}
