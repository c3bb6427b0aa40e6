using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Channels;

/// <summary>
/// <c>GET /api/ops/channel_work/dead_letters</c>: the channel work that was set aside, for an operator:
/// the Storage queues' poison messages and, with Service Bus, each channel queue's dead-letter queue.
/// Messages are peeked, never taken, and shown by what they are about, never by their body (a prepay
/// carries the payer's details).
/// </summary>
public sealed class ChannelDeadLetters(StorageClients storage, StorageQueueChannelWorkQueue work, ServiceBusClient? serviceBus = null)
{
    /// <summary>Messages shown per queue: the most a Storage queue peek returns.</summary>
    public const int PerQueue = 32;

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var data = new List<DeadLetterBody>();
        foreach (var queue in work.Queues.Append(ChannelWorkQueues.Storage).Distinct(StringComparer.Ordinal).Select(ChannelWorkQueues.PoisonOf))
        {
            var client = storage.Queues.GetQueueClient(queue);
            if (!(await client.ExistsAsync(cancellationToken)).Value)
            {
                continue;
            }

            foreach (var message in (await client.PeekMessagesAsync(PerQueue, cancellationToken)).Value)
            {
                data.Add(Describe(queue, message.MessageId, message.Body.ToString(), null, message.InsertedOn, (int)message.DequeueCount));
            }
        }

        if (serviceBus is not null)
        {
            foreach (var queue in ServiceBusChannelWorker.Queues)
            {
                await using var receiver = serviceBus.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
                foreach (var message in await receiver.PeekMessagesAsync(PerQueue, cancellationToken: cancellationToken))
                {
                    data.Add(Describe(queue + "/$deadletterqueue", message.MessageId, message.Body.ToString(), message.DeadLetterReason, message.EnqueuedTime, message.DeliveryCount));
                }
            }
        }

        return Results.Json(new DeadLetterList("list", data), ApiJson.Options);
    }

    public static DeadLetterBody Describe(string queue, string messageId, string body, string? reason, DateTimeOffset? enqueuedAt, int deliveryCount)
    {
        ChannelWorkItem? item = null;
        try
        {
            item = JsonSerializer.Deserialize<ChannelWorkItem>(body);
        }
        catch (JsonException)
        {
            reason ??= "malformed";
        }

        // A channel call names whom it answers (a payment or a refund) in its call, not in the item.
        var about = item?.Call?.InstanceId ?? (string.IsNullOrEmpty(item?.PaymentId) ? null : item.PaymentId);
        return new DeadLetterBody(queue, messageId, item?.Kind, item?.Call?.Operation, item?.Channel, item?.ChannelAccount, about, item?.Attempt, reason, enqueuedAt, deliveryCount);
    }
}

public sealed record DeadLetterList(string Object, IReadOnlyList<DeadLetterBody> Data);

/// <param name="Queue">Where the message waits.</param>
/// <param name="Operation">For a channel call, what it asks of the channel (close, refund, …).</param>
/// <param name="About">The payment (or, for a refund's channel call, the refund) the message is about.</param>
/// <param name="Attempt">For a prepay, which try at the channel the message was.</param>
/// <param name="Reason">Why it was set aside, where the queue says.</param>
public sealed record DeadLetterBody(
    string Queue,
    string MessageId,
    string? Kind,
    string? Operation,
    string? Channel,
    string? ChannelAccount,
    string? About,
    int? Attempt,
    string? Reason,
    DateTimeOffset? EnqueuedAt,
    int DeliveryCount);
