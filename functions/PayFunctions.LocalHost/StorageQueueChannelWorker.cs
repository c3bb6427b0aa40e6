using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Storage;

namespace PayFunctions.LocalHost;

/// <summary>
/// LocalHost's stand-in for the Functions queue trigger: polls the channel work Storage queue, deletes
/// a message only after it was processed, and parks it in a poison queue after five failures. It runs
/// with either transport, as the trigger does: Service Bus workers hand their refunds on to it.
/// </summary>
public sealed class StorageQueueChannelWorker(
    StorageClients clients, ChannelWorkProcessor processor, DurableTaskClient durable, ILogger<StorageQueueChannelWorker> logger)
    : BackgroundService
{
    private const int MaxDequeueCount = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = clients.Queues.GetQueueClient(ChannelWorkQueues.Storage);
        var poison = clients.Queues.GetQueueClient(ChannelWorkQueues.PoisonOf(ChannelWorkQueues.Storage));
        while (!stoppingToken.IsCancellationRequested)
        {
            var messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(60), stoppingToken)).Value;
            if (messages.Length == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                continue;
            }

            foreach (var message in messages)
            {
                await HandleAsync(queue, poison, message, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(QueueClient queue, QueueClient poison, Azure.Storage.Queues.Models.QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await processor.ProcessAsync(message.Body.ToString(), durable, stoppingToken);
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
    }
}
