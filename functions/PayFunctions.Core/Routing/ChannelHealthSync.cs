using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Shares <see cref="ChannelHealth"/> between instances through <see cref="ChannelHealthStore"/>: every
/// <see cref="ChannelHealth.SyncInterval"/> it writes this instance's changed accounts and reads everyone's rows.
/// Rows not written for an hour belong to instances that are gone and are deleted.
/// </summary>
public sealed partial class ChannelHealthSync(ChannelHealth health, ChannelHealthStore store, TimeProvider time, ILogger<ChannelHealthSync> logger)
    : BackgroundService
{
    private static readonly TimeSpan DeleteAfter = TimeSpan.FromHours(1);

    private readonly Dictionary<ChannelAccountId, long> written = [];
    private bool failing;

    /// <summary>Writes this instance's changes, then reads the others'.</summary>
    public async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (account, version, sample) in health.ChangedSince(written, now).ToList())
        {
            await store.WriteAsync(ChannelHealthEntity.From(account, health.InstanceId, sample, now), cancellationToken);
            written[account] = version;
        }

        var samples = new Dictionary<ChannelAccountId, List<WindowSample>>();
        foreach (var row in await store.ReadAllAsync(cancellationToken))
        {
            if (row.UpdatedAt < now - DeleteAfter)
            {
                await store.DeleteAsync(row, cancellationToken);
            }
            else if (row.RowKey != health.InstanceId && row.UpdatedAt >= now - ChannelHealth.StaleAfter && row.ToSample() is { } sample)
            {
                var account = new ChannelAccountId(row.Channel, row.Account);
                if (!samples.TryGetValue(account, out var list))
                {
                    samples[account] = list = [];
                }

                list.Add(sample);
            }
        }

        health.ReplaceOthers(samples.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<WindowSample>)kv.Value));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ChannelHealth.SyncInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SyncOnceAsync(stoppingToken);
                    failing = false;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Health is advisory: without the store each instance goes on with its own view. One warning per outage.
                    if (!failing)
                    {
                        LogSyncFailed(logger, e);
                    }

                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 8201, Level = LogLevel.Warning, Message = "Channel health could not be shared with the other instances")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
