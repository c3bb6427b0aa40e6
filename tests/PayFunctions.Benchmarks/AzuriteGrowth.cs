using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace PayFunctions.Benchmarks;

/// <summary>
/// What one storage operation of the Durable engine costs on Azurite as the data of earlier payments
/// grows, without the rest of the stack: per payment still in flight, one invisible queue message (its
/// expiry timer) and, per payment ever made, an instance row (row key "") and eight history rows (row
/// keys "0000000000000000" to "0000000000000007", shared by every instance), as the Azure Storage
/// provider writes them. At each size it times, one call at a time, the operations a create makes.
/// </summary>
public sealed class AzuriteGrowth(string connectionString)
{
    private const int HistoryRowsPerInstance = 8;
    private const int Samples = 100;
    private const int Writers = 8;

    private readonly QueueServiceClient queues = new(connectionString);
    private readonly TableServiceClient tables = new(connectionString);
    private int instances;

    public async Task RunAsync(IReadOnlyList<int> sizes)
    {
        var timers = await CreateQueueAsync("growth-timers");
        var work = await CreateQueueAsync("growth-work");
        var idle = await CreateQueueAsync("growth-idle");
        var history = await CreateTableAsync("GrowthHistory");
        var instanceTable = await CreateTableAsync("GrowthInstances");

        Console.WriteLine("| payments | queue messages | history rows | enqueue+dequeue+delete ms | empty dequeue ms | history partition query ms | instance point read ms | history row insert ms |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            await GrowAsync(size, timers, history, instanceTable);
            var roundTrip = await TimeAsync(async _ =>
            {
                await work.SendMessageAsync("m");
                var message = (await work.ReceiveMessageAsync()).Value;
                await work.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            });
            var emptyPoll = await TimeAsync(async _ => await idle.ReceiveMessageAsync());
            var historyQuery = await TimeAsync(async i =>
            {
                await foreach (var _ in history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {InstanceId(i % Math.Max(size, 1))}")))
                {
                }
            });
            var pointRead = await TimeAsync(async i => await instanceTable.GetEntityIfExistsAsync<TableEntity>(InstanceId(i % Math.Max(size, 1)), ""));
            var historyInsert = await TimeAsync(async i =>
            {
                var entity = new TableEntity($"probe-{i}", "0000000000000000");
                await history.AddEntityAsync(entity);
                await history.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {size:N0} | {size * HistoryRowsPerInstance:N0} | {roundTrip:F2} | {emptyPoll:F2} | {historyQuery:F2} | {pointRead:F2} | {historyInsert:F2} |"));
        }
    }

    private static string InstanceId(int n) => $"pay_{n:D8}";

    private static async Task<double> TimeAsync(Func<int, Task> operation)
    {
        await operation(0);
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= Samples; i++)
        {
            await operation(i);
        }

        return clock.Elapsed.TotalMilliseconds / Samples;
    }

    private async Task GrowAsync(int size, QueueClient timers, TableClient history, TableClient instanceTable)
    {
        var next = instances - 1;
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < size; n = Interlocked.Increment(ref next))
            {
                var id = InstanceId(n);
                await timers.SendMessageAsync("timer", visibilityTimeout: TimeSpan.FromDays(6));
                await instanceTable.AddEntityAsync(new TableEntity(id, "") { ["RuntimeStatus"] = "Running" });
                await history.SubmitTransactionAsync(Enumerable.Range(0, HistoryRowsPerInstance)
                    .Select(r => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(id, r.ToString("X16", CultureInfo.InvariantCulture)) { ["EventType"] = "TaskScheduled" })));
            }
        }));
        await Task.WhenAll(writers);
        instances = Math.Max(instances, size);
    }

    private async Task<QueueClient> CreateQueueAsync(string name)
    {
        var queue = queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private async Task<TableClient> CreateTableAsync(string name)
    {
        var table = tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
