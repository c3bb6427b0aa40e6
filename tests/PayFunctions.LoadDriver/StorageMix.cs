using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace PayFunctions.LoadDriver;

/// <summary>How many payments per second the storage alone allows for a measured mix of requests.</summary>
public sealed record StorageMixResult(int Workers, double Seconds, long Mixes, double MixesPerSecond, IReadOnlyList<string> Replayed, IReadOnlyList<string> Skipped);

/// <summary>
/// Replays one payment's storage requests, kind by kind in the measured proportions, straight against the
/// storage with the run's concurrency and no platform in between, on scratch tables, queues and blobs of its
/// own. What it sustains is the most payments per second that mix of requests allows on this storage.
/// </summary>
public sealed class StorageMix(string connectionString, int workers, TimeSpan duration)
{
    private const int SeededPartitions = 64;
    private const int RowsPerPartition = 8;
    private static readonly string Payload = new('x', 400);

    private readonly string scratch = $"loadmix{Guid.NewGuid():N}"[..20];

    public async Task<StorageMixResult> RunAsync(IReadOnlyList<StorageCostLine> perPayment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perPayment);
        var tables = new TableServiceClient(connectionString).GetTableClient(scratch);
        var queue = new QueueServiceClient(connectionString).GetQueueClient(scratch);
        var blobs = new BlobServiceClient(connectionString).GetBlobContainerClient(scratch);
        await tables.CreateIfNotExistsAsync(cancellationToken);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await blobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await SeedAsync(tables, blobs, cancellationToken);
            var target = new Target(tables, queue, blobs);
            var recipe = perPayment.Where(l => target.Knows(l)).ToList();
            var skipped = perPayment.Where(l => !target.Knows(l)).Select(l => $"{l.Service} {l.Kind} {l.PerPayment:0.00}").ToList();
            var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var started = Stopwatch.GetTimestamp();
            var mixes = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(target, recipe, w, stopAt, cancellationToken), CancellationToken.None)));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var total = mixes.Sum();
            return new StorageMixResult(
                workers, Math.Round(seconds, 1), total, Math.Round(total / seconds, 2),
                [.. recipe.Select(l => $"{l.Service} {l.Kind} {l.PerPayment:0.00}")], skipped);
        }
        finally
        {
            await tables.DeleteAsync(CancellationToken.None);
            await queue.DeleteIfExistsAsync(CancellationToken.None);
            await blobs.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>One worker replays whole mixes back to back; a fraction of a request per payment is carried over to the next mix.</summary>
    private static async Task<long> WorkAsync(Target target, List<StorageCostLine> recipe, int worker, long stopAt, CancellationToken cancellationToken)
    {
        var credit = new double[recipe.Count];
        var state = new WorkerState(worker);
        long mixes = 0;
        while (Stopwatch.GetTimestamp() < stopAt && !cancellationToken.IsCancellationRequested)
        {
            for (var i = 0; i < recipe.Count; i++)
            {
                credit[i] += recipe[i].PerPayment;
                for (; credit[i] >= 1; credit[i]--)
                {
                    await target.SendAsync(recipe[i], state, cancellationToken);
                }
            }

            mixes++;
        }

        return mixes;
    }

    private static async Task SeedAsync(TableClient tables, BlobContainerClient blobs, CancellationToken cancellationToken)
    {
        for (var p = 0; p < SeededPartitions; p++)
        {
            var rows = Enumerable.Range(0, RowsPerPartition)
                .Select(r => new TableTransactionAction(TableTransactionActionType.Add, Row($"p{p}", $"r{r}")));
            await tables.SubmitTransactionAsync(rows, cancellationToken);
        }

        await blobs.UploadBlobAsync("seed", BinaryData.FromString(Payload), cancellationToken);
    }

    private static TableEntity Row(string partition, string row) => new(partition, row) { ["Payload"] = Payload };

    private sealed class WorkerState(int worker)
    {
        private long next;

        public Random Random { get; } = new(worker);

        public ConcurrentQueue<QueueMessage> Received { get; } = new();

        public string NewKey() => $"w{worker}-{next++}";

        public string SeededPartition() => $"p{Random.Next(SeededPartitions)}";
    }

    /// <summary>Each kind of request the counters name, sent the way the platform or the engine sends it.</summary>
    private sealed class Target(TableClient tables, QueueClient queue, BlobContainerClient blobs)
    {
        public bool Knows(StorageCostLine line) => (line.Service, line.Kind) is
            ("table", "point_read" or "insert" or "replace" or "merge" or "batch" or "query" or "delete")
            or ("queue", "put" or "get" or "delete_message" or "update_message" or "metadata" or "peek")
            or ("blob", "read" or "write" or "list" or "properties");

        public async Task SendAsync(StorageCostLine line, WorkerState state, CancellationToken cancellationToken)
        {
            var seeded = state.SeededPartition();
            var row = $"r{state.Random.Next(RowsPerPartition)}";
            switch (line.Service, line.Kind)
            {
                case ("table", "point_read"):
                    await tables.GetEntityIfExistsAsync<TableEntity>(seeded, row, cancellationToken: cancellationToken);
                    break;
                case ("table", "insert"):
                    await tables.AddEntityAsync(Row(state.NewKey(), "row"), cancellationToken);
                    break;
                case ("table", "replace"):
                    await tables.UpdateEntityAsync(Row(seeded, row), ETag.All, TableUpdateMode.Replace, cancellationToken);
                    break;
                case ("table", "merge"):
                    await tables.UpdateEntityAsync(Row(seeded, row), ETag.All, TableUpdateMode.Merge, cancellationToken);
                    break;
                case ("table", "batch"):
                    var partition = state.NewKey();
                    await tables.SubmitTransactionAsync(
                        Enumerable.Range(0, 3).Select(r => new TableTransactionAction(TableTransactionActionType.Add, Row(partition, $"r{r}"))), cancellationToken);
                    break;
                case ("table", "query"):
                    await foreach (var _ in tables.QueryAsync<TableEntity>(e => e.PartitionKey == seeded, cancellationToken: cancellationToken))
                    {
                    }

                    break;
                case ("table", "delete"):
                    var doomed = state.NewKey();
                    await tables.AddEntityAsync(Row(doomed, "row"), cancellationToken);
                    await tables.DeleteEntityAsync(doomed, "row", ETag.All, cancellationToken);
                    break;
                case ("queue", "put"):
                    await queue.SendMessageAsync(Payload, cancellationToken);
                    break;
                case ("queue", "get"):
                    foreach (var message in (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5), cancellationToken)).Value)
                    {
                        state.Received.Enqueue(message);
                    }

                    break;
                case ("queue", "delete_message" or "update_message"):
                    if (!state.Received.TryDequeue(out var received))
                    {
                        await queue.SendMessageAsync(Payload, cancellationToken);
                        received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5), cancellationToken)).Value.FirstOrDefault();
                    }

                    if (received is not null && line.Kind == "delete_message")
                    {
                        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken);
                    }
                    else if (received is not null)
                    {
                        var updated = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(5), cancellationToken: cancellationToken);
                        state.Received.Enqueue(QueuesModelFactory.QueueMessage(received.MessageId, updated.Value.PopReceipt, received.Body, received.DequeueCount));
                    }

                    break;
                case ("queue", "metadata"):
                    await queue.GetPropertiesAsync(cancellationToken);
                    break;
                case ("queue", "peek"):
                    await queue.PeekMessagesAsync(1, cancellationToken);
                    break;
                case ("blob", "read"):
                    await blobs.GetBlobClient("seed").DownloadContentAsync(cancellationToken);
                    break;
                case ("blob", "write"):
                    await blobs.UploadBlobAsync(state.NewKey(), BinaryData.FromString(Payload), cancellationToken);
                    break;
                case ("blob", "properties"):
                    await blobs.GetBlobClient("seed").GetPropertiesAsync(cancellationToken: cancellationToken);
                    break;
                case ("blob", "list"):
                    await foreach (var _ in blobs.GetBlobsAsync(BlobTraits.None, BlobStates.None, "seed", cancellationToken))
                    {
                    }

                    break;
            }
        }
    }
}
