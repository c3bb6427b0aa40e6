using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Receives channel work from Service Bus inside the worker process (the isolated-worker Service Bus
/// trigger is not available to this app), completing a message only after it was processed.
/// </summary>
public sealed class ServiceBusChannelWorker(ServiceBusClient client, ChannelWorkProcessor processor, ILogger<ServiceBusChannelWorker> logger)
    : BackgroundService
{
    public static IReadOnlyList<string> Queues { get; } = [.. ChannelRegistry.ChannelNames.Order(StringComparer.Ordinal).Select(ChannelWorkQueues.NameFor)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var processors = Queues
            .Select(queue => client.CreateProcessor(queue, new ServiceBusProcessorOptions { AutoCompleteMessages = false, MaxConcurrentCalls = 8 }))
            .ToList();
        foreach (var p in processors)
        {
            p.ProcessMessageAsync += HandleMessageAsync;
            p.ProcessErrorAsync += HandleErrorAsync;
            await p.StartProcessingAsync(stoppingToken);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }

        foreach (var p in processors)
        {
            await p.StopProcessingAsync(CancellationToken.None);
            await p.DisposeAsync();
        }
    }

    /// <summary>
    /// Completes a message once it was processed; a message that can never succeed is dead-lettered at
    /// once, where the operator view lists it. A failure leaves the message to Service Bus, which
    /// redelivers it until the queue's maximum delivery count dead-letters it.
    /// </summary>
    public async Task HandleMessageAsync(ProcessMessageEventArgs args)
    {
        if (await processor.ProcessAsync(args.Message.Body.ToString(), durable: null, args.CancellationToken) == ChannelWorkVerdict.Rejected)
        {
            await args.DeadLetterMessageAsync(args.Message, RejectedReason, "The message is malformed or names what does not exist.", args.CancellationToken);
            return;
        }

        await args.CompleteMessageAsync(args.Message, args.CancellationToken);
    }

    /// <summary>The dead-letter reason of a message that can never succeed.</summary>
    public const string RejectedReason = "invalid_channel_work";

    private Task HandleErrorAsync(ProcessErrorEventArgs args)
    {
        logger.LogError(args.Exception, "Service Bus error on {Entity} during {Source}", args.EntityPath, args.ErrorSource);
        return Task.CompletedTask;
    }
}
