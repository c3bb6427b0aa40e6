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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(work.Queues.Select(queue => PollAsync(queue, stoppingToken)));

    private async Task PollAsync(string name, CancellationToken stoppingToken)
    {
        var queue = clients.Queues.GetQueueClient(name);
        var poison = clients.Queues.GetQueueClient(ChannelWorkQueues.PoisonOf(name));
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
                await PauseAsync(enqueued, stoppingToken);
                continue;
            }

            await Task.WhenAll(messages.Select(message => HandleAsync(name, queue, poison, message, stoppingToken)));
        }
    }

    /// <summary>Until the next poll: 250 ms, or less when this process puts work on the queue meanwhile.</summary>
    private static async Task PauseAsync(Task enqueued, CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAny(enqueued, Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken));
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
