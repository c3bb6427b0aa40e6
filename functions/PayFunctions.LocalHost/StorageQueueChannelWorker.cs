using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Storage;

namespace PayFunctions.LocalHost;

/// <summary>
/// LocalHost's stand-in for the Functions queue trigger: polls each channel's work queue, deletes a
/// message only after it was processed, and parks it in a poison queue after five failures. A batch is
/// worked on concurrently; the per-account throttle, not the poller, keeps each account within its
/// limits. It runs with either transport, as the trigger does: Service Bus workers hand on to it the
/// work that needs the Durable client.
/// </summary>
public sealed class StorageQueueChannelWorker(
    StorageClients clients, StorageQueueChannelWorkQueue work, ChannelWorkProcessor processor, DurableTaskClient durable, ILogger<StorageQueueChannelWorker> logger)
    : BackgroundService
{
    private const int MaxDequeueCount = 5;
    private const int BatchSize = 32;

    /// <summary>
    /// The pause after a poll that found nothing, doubled after each further empty one up to the longest. Work this
    /// process puts on a queue wakes its poller at once; only work that becomes visible by itself (a retry's delay,
    /// a dead host's message) waits for the look. Every look costs a storage request, and on Azurite one that scans
    /// every message of every queue, so a dozen idle channel queues polled every 250 ms loaded it as much as the
    /// payments did.
    /// </summary>
    public static readonly TimeSpan ShortestPause = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(work.Queues.Select(queue => PollAsync(queue, stoppingToken)));

    private async Task PollAsync(string name, CancellationToken stoppingToken)
    {
        var queue = clients.Queues.GetQueueClient(name);
        var poison = clients.Queues.GetQueueClient(ChannelWorkQueues.PoisonOf(name));
        var pause = ShortestPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            var enqueued = work.EnqueuedAsync(name);
            try
            {
                messages = (await queue.ReceiveMessagesAsync(BatchSize, TimeSpan.FromSeconds(60), stoppingToken)).Value;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (messages.Length == 0)
            {
                await PauseAsync(enqueued, pause, stoppingToken);
                pause = NextPause(pause);
                continue;
            }

            pause = ShortestPause;
            await Task.WhenAll(messages.Select(message => HandleAsync(name, queue, poison, message, stoppingToken)));
        }
    }

    public static TimeSpan NextPause(TimeSpan pause) => pause * 2 < LongestPause ? pause * 2 : LongestPause;

    /// <summary>Until the next poll: the pause, or less when this process puts work on the queue meanwhile.</summary>
    private static async Task PauseAsync(Task enqueued, TimeSpan pause, CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAny(enqueued, Task.Delay(pause, stoppingToken));
            stoppingToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the loop ends.
        }
    }

    private async Task HandleAsync(string name, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await processor.ProcessStorageMessageAsync(name, message.Body.ToString(), durable, stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Channel work message {MessageId} failed (attempt {Attempt})", message.MessageId, message.DequeueCount);
            if (message.DequeueCount >= MaxDequeueCount)
            {
                await poison.SendMessageAsync(message.Body, cancellationToken: stoppingToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message reappears for the next start.
        }
    }
}
