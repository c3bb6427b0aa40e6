using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Reconciliation;

/// <summary>
/// Ends a run: a shift the neighbouring days were waiting for that this day's statement did not list goes to the
/// operator queue; the day's differences as they now stand are written as the report blob, and the run's row records
/// the outcome. Both are rewritten by every run, so they always show the latest.
/// </summary>
public sealed class CompleteReconciliationActivity(
    ReconciliationDifferenceStore differences,
    ReconciliationRunStore runs,
    StorageClients clients,
    IOptions<ReconciliationOptions> options,
    TimeProvider time)
    : TaskActivity<ReconciliationRunOutcome, ReconciliationRunEntity>
{
    public override Task<ReconciliationRunEntity> RunAsync(TaskActivityContext context, ReconciliationRunOutcome input) =>
        ExecuteAsync(input, CancellationToken.None);

    public static string ReportName(string channel, string account, DateOnly day) =>
        $"{channel}/{account}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json";

    public async Task<ReconciliationRunEntity> ExecuteAsync(ReconciliationRunOutcome input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (channel, account) = (input.Run.Channel, input.Run.Account);
        var day = DateOnly.ParseExact(input.Run.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        if (input.Status == ReconciliationRunStatuses.Completed)
        {
            await CloseUnlistedShiftsAsync(channel, account, day, now, cancellationToken);
        }

        var found = await differences.OfRunAsync(channel, account, day, cancellationToken);
        var statuses = found.GroupBy(d => d.Status).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var run = new ReconciliationRunEntity
        {
            PartitionKey = ReconciliationIds.DayPartition(day),
            RowKey = ReconciliationIds.RunRow(channel, account),
            Channel = channel,
            Account = account,
            Day = input.Run.Day,
            Status = input.Status,
            Lines = input.Statement?.Lines ?? 0,
            Matched = input.Statement?.Matched ?? 0,
            DifferencesJson = JsonSerializer.Serialize(input.Statement?.Differences ?? new Dictionary<string, int>(), ApiJson.Options),
            StatusesJson = JsonSerializer.Serialize(statuses, ApiJson.Options),
            ResolveFailures = input.ResolveFailures,
            Error = input.Error,
            CompletedAt = now,
        };
        if (input.Status == ReconciliationRunStatuses.Completed)
        {
            run.Report = ReportName(channel, account, day);
            var report = ReconciliationResources.Report(run, found);
            var blob = clients.Blobs.GetBlobContainerClient(TableNames.ReconciliationReportContainer).GetBlobClient(run.Report);
            await blob.UploadAsync(
                BinaryData.FromObjectAsJson(report, ApiJson.Options),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken);
        }

        await runs.WriteAsync(run, cancellationToken);
        return run;
    }

    /// <summary>
    /// The neighbouring days' shifts that waited for this day's statement and were not confirmed by it: the channel
    /// listed them on neither day, which makes them 短款 for an operator.
    /// </summary>
    private async Task CloseUnlistedShiftsAsync(string channel, string account, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var neighbour in (DateOnly[])[day.AddDays(-1), day.AddDays(1)])
        {
            foreach (var waiting in await differences.OfRunAsync(channel, account, neighbour, cancellationToken))
            {
                if (waiting.Status == ReconciliationStatuses.Awaiting
                    && ResolveDifferenceActivity.PlatformOf(waiting)?.BookedAt is { } bookedAt && options.Value.NeighbourOf(bookedAt, neighbour) == day)
                {
                    await differences.TransitionAsync(
                        waiting,
                        [ReconciliationStatuses.Awaiting],
                        ReconciliationStatuses.Open,
                        ReconciliationOutcomes.OperatorQueued,
                        $"Booked near midnight, but the statement of {day:yyyy-MM-dd} does not list it either.",
                        AuditActors.System,
                        now,
                        cancellationToken);
                }
            }
        }
    }
}
