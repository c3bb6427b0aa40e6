using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Secrets;

/// <summary>
/// Moves every sealed value under an older KEK version to the current one (<see cref="SecretEnvelope.RewrapAsync"/>):
/// the table fields and blob containers of <see cref="SealedFields"/>. It pages through tables and blobs, so its
/// memory does not grow with the data, and writes each value back only if its row or blob is still what was read
/// (If-Match on the ETag): a concurrent writer wins, and what it wrote is sealed under the current version anyway. A
/// value already current is not written, so a second run changes nothing and a run cut short is simply run again.
/// </summary>
public sealed partial class KeyRewrapJob(StorageClients clients, SecretEnvelope envelope, ILogger<KeyRewrapJob> logger)
{
    private const int PageSize = 100;

    /// <summary>The property of a rejected-notification sample that holds its sealed body.</summary>
    private const string SampleBodyProperty = "body_sealed";

    public async Task<KeyRewrapReport> RunAsync(CancellationToken cancellationToken)
    {
        var version = await envelope.CurrentKeyVersionAsync(cancellationToken);
        var counts = new Counts();
        foreach (var field in SealedFields.Tables)
        {
            await RewrapTableAsync(field, counts, cancellationToken);
        }

        foreach (var container in SealedFields.BlobContainers)
        {
            await RewrapContainerAsync(container, counts, cancellationToken);
        }

        var report = new KeyRewrapReport(version, counts.Scanned, counts.Rewrapped, counts.AlreadyCurrent, counts.ChangedMeanwhile, counts.Failed);
        LogDone(logger, version, report.Scanned, report.Rewrapped, report.AlreadyCurrent, report.ChangedMeanwhile, report.Failed);
        return report;
    }

    private async Task RewrapTableAsync(SealedField field, Counts counts, CancellationToken cancellationToken)
    {
        var table = clients.Tables.GetTableClient(field.Table);
        var rows = table.QueryAsync<TableEntity>(maxPerPage: PageSize, select: ["PartitionKey", "RowKey", field.Property], cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            if (row.GetString(field.Property) is not { } value || !SecretEnvelope.IsSealed(value))
            {
                continue;
            }

            var moved = await RewrapAsync(value, field.Context(row), $"{field.Table}/{field.Property}", counts, cancellationToken);
            if (moved is null)
            {
                continue;
            }

            try
            {
                // Merge writes this one property; the ETag makes it lose to any write since the read.
                await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [field.Property] = moved }, row.ETag, TableUpdateMode.Merge, cancellationToken);
                counts.Rewrapped++;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                counts.ChangedMeanwhile++;
            }
        }
    }

    private async Task RewrapContainerAsync(string container, Counts counts, CancellationToken cancellationToken)
    {
        var blobs = clients.Blobs.GetBlobContainerClient(container);
        await foreach (var item in blobs.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken))
        {
            var blob = blobs.GetBlobClient(item.Name);
            var download = (await blob.DownloadContentAsync(cancellationToken)).Value;
            var text = download.Content.ToString();
            var context = $"{container}/{item.Name}";
            string? rewritten;
            if (SecretEnvelope.IsSealed(text))
            {
                rewritten = await RewrapAsync(text, context, container, counts, cancellationToken);
            }
            else if (SampleBodyOf(text) is { } sample && sample[SampleBodyProperty]?.GetValue<string>() is { } body && SecretEnvelope.IsSealed(body))
            {
                var moved = await RewrapAsync(body, context, container, counts, cancellationToken);
                sample[SampleBodyProperty] = moved;
                rewritten = moved is null ? null : sample.ToJsonString();
            }
            else
            {
                continue;
            }

            if (rewritten is null)
            {
                continue;
            }

            try
            {
                await blob.UploadAsync(
                    BinaryData.FromString(rewritten),
                    new BlobUploadOptions
                    {
                        Conditions = new BlobRequestConditions { IfMatch = download.Details.ETag },
                        Metadata = download.Details.Metadata,
                        HttpHeaders = new BlobHttpHeaders { ContentType = download.Details.ContentType },
                    },
                    cancellationToken);
                counts.Rewrapped++;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                counts.ChangedMeanwhile++;
            }
        }
    }

    private static JsonObject? SampleBodyOf(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The value under the current version, or null when there is nothing to write (already current, or failed).</summary>
    private async Task<string?> RewrapAsync(string value, string context, string where, Counts counts, CancellationToken cancellationToken)
    {
        counts.Scanned++;
        try
        {
            var moved = await envelope.RewrapAsync(value, context, cancellationToken);
            if (moved is null)
            {
                counts.AlreadyCurrent++;
            }

            return moved;
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException)
        {
            counts.Failed++;
            LogFailed(logger, e, where);
            return null;
        }
    }

    [LoggerMessage(EventId = 8601, Level = LogLevel.Warning, Message = "A sealed value in {Where} could not be re-wrapped; it is left as it is")]
    private static partial void LogFailed(ILogger logger, Exception exception, string where);

    [LoggerMessage(EventId = 8602, Level = LogLevel.Information,
        Message = "Key re-wrap to version {Version}: {Scanned} scanned, {Rewrapped} re-wrapped, {AlreadyCurrent} already current, {ChangedMeanwhile} changed meanwhile, {Failed} failed")]
    private static partial void LogDone(ILogger logger, string version, long scanned, long rewrapped, long alreadyCurrent, long changedMeanwhile, long failed);

    private sealed class Counts
    {
        public long Scanned { get; set; }

        public long Rewrapped { get; set; }

        public long AlreadyCurrent { get; set; }

        public long ChangedMeanwhile { get; set; }

        public long Failed { get; set; }
    }
}
