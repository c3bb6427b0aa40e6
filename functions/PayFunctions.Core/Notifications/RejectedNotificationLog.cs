using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Http;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Notifications;

/// <summary>
/// Evidence of rejected channel callbacks in bounded storage. Anyone can post to the notify endpoint,
/// so nothing is kept per request: one summary row per (channel, reason, hour) counts them, with the
/// first and last time seen and the hash of the last body, and only the first
/// <see cref="SamplesPerHour"/> of each (channel, reason, hour) keep a sample, truncated to
/// <see cref="SampleBytes"/>. Verified callbacks are archived in full by <see cref="NotificationLog"/>. A rejected
/// body may still be a channel's genuine one (an amount that did not match), naming its payer: the sample keeps it
/// sealed under <see cref="NotificationLog.BodyContext"/> of the sample's blob.
/// </summary>
public sealed partial class RejectedNotificationLog(StorageClients clients, SecretEnvelope envelope, TimeProvider time, ILogger<RejectedNotificationLog> logger)
{
    public const int SamplesPerHour = 20;
    public const int SampleBytes = 4096;
    private const int MaxSampleHeaders = 16;
    private const int MaxHeaderChars = 256;
    private const int MaxCountAttempts = 10;

    private TableClient Summaries => clients.Tables.GetTableClient(TableNames.NotificationRejections);

    /// <summary>The summary row's partition: one per channel and UTC hour.</summary>
    public static string Partition(string channel, DateTimeOffset at) => $"{channel}_{at.UtcDateTime:yyyyMMddHH}";

    /// <summary>Where the samples of one (channel, reason, hour) live in the notification archive.</summary>
    public static string SamplePrefix(string channel, string reason, DateTimeOffset at) => $"{channel}/rejected/{at.UtcDateTime:yyyy/MM/dd/HH}/{ReasonCode(reason)}/";

    /// <summary>
    /// Counts one rejection and keeps a sample while the hour's cap allows. Storage failures are logged,
    /// not thrown: the caller still gets its rejection, and the channel retries anyway.
    /// </summary>
    public async Task RecordAsync(string channel, string reason, byte[]? body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var code = ReasonCode(reason);
        var digest = body is null ? null : Convert.ToHexStringLower(SHA256.HashData(body));
        try
        {
            var count = await CountAsync(Partition(channel, now), code, now, digest, body?.Length, cancellationToken);
            if (count == 1)
            {
                LogFirstOfHour(logger, channel, code);
            }

            if (count is >= 1 and <= SamplesPerHour)
            {
                await StoreSampleAsync(channel, code, now, count.Value, body, digest, headers, cancellationToken);
            }
        }
        catch (RequestFailedException e)
        {
            LogNotRecorded(logger, e, channel, code);
        }
    }

    /// <summary>Reasons come from channel code, but they become a row key and a blob path: anything else is "other".</summary>
    private static string ReasonCode(string reason) =>
        reason.Length is > 0 and <= 64 && reason.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') ? reason : "other";

    /// <summary>Adds one to the summary and returns the new count (unique per rejection), or null when contention outlasted the retries.</summary>
    private async Task<long?> CountAsync(string partition, string reason, DateTimeOffset now, string? digest, int? length, CancellationToken cancellationToken)
    {
        try
        {
            await Summaries.AddEntityAsync(
                new TableEntity(partition, reason)
                {
                    ["Count"] = 1L,
                    ["FirstSeenAt"] = now,
                    ["LastSeenAt"] = now,
                    ["LastBodySha256"] = digest,
                    ["LastBodyLength"] = length,
                },
                cancellationToken);
            return 1;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Not the first this hour: count on the existing row.
        }

        for (var attempt = 0; attempt < MaxCountAttempts; attempt++)
        {
            var row = (await Summaries.GetEntityAsync<TableEntity>(partition, reason, cancellationToken: cancellationToken)).Value;
            var count = (row.GetInt64("Count") ?? 0) + 1;
            row["Count"] = count;
            row["LastSeenAt"] = now;
            row["LastBodySha256"] = digest;
            row["LastBodyLength"] = length;
            try
            {
                await Summaries.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return count;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // A concurrent rejection counted itself first; count again on top of it.
            }
        }

        LogContended(logger, partition, reason);
        return null;
    }

    private async Task StoreSampleAsync(
        string channel, string reason, DateTimeOffset now, long ordinal, byte[]? body, string? digest, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var keptHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers.Take(MaxSampleHeaders))
        {
            keptHeaders.TryAdd(Truncate(name), Truncate(value));
        }

        var blobName = $"{SamplePrefix(channel, reason, now)}{ordinal:D3}.json";
        var sealedBody = body is null
            ? null
            : await envelope.SealBytesAsync(body.AsMemory(0, Math.Min(body.Length, SampleBytes)), NotificationLog.BodyContext(blobName), cancellationToken);
        var sample = new RejectedSample(
            channel,
            reason,
            now,
            body?.Length,
            digest,
            body is not null && body.Length > SampleBytes,
            keptHeaders,
            sealedBody);
        var blob = clients.Blobs.GetBlobContainerClient(TableNames.NotificationArchiveContainer).GetBlobClient(blobName);
        try
        {
            // Create-only: the cap holds even if two rejections ever drew the same ordinal.
            await blob.UploadAsync(
                new BinaryData(JsonSerializer.SerializeToUtf8Bytes(sample, ApiJson.Options)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // That sample slot is taken; the count already has this rejection.
        }
    }

    private static string Truncate(string value) => value.Length <= MaxHeaderChars ? value : value[..MaxHeaderChars];

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Rejected {Channel} notifications this hour began: {Reason}")]
    private static partial void LogFirstOfHour(ILogger logger, string channel, string reason);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Rejected-notification summary {Partition}/{Reason} stayed contended; one rejection is not counted")]
    private static partial void LogContended(ILogger logger, string partition, string reason);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Warning, Message = "Rejected {Channel} notification ({Reason}) could not be recorded")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string channel, string reason);

    private sealed record RejectedSample(
        string Channel,
        string Reason,
        DateTimeOffset ReceivedAt,
        int? BodyLength,
        string? BodySha256,
        bool BodyTruncated,
        Dictionary<string, string> Headers,
        string? BodySealed);
}
