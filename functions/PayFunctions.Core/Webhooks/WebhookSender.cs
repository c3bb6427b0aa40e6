using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Http;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Webhooks;

/// <summary>
/// Delivers one event to the merchant. The body is frozen on the first attempt and kept on the
/// event row, so every retry sends the same id and bytes; only the timestamp and signature change.
/// </summary>
public sealed class WebhookSender(
    StorageClients clients,
    PaymentStore payments,
    CompletedPayments completed,
    RefundStore refunds,
    MerchantStore merchants,
    IHttpClientFactory httpClients,
    CheckoutLinks checkoutLinks,
    TimeProvider time)
{
    public const string HttpClientName = "webhooks";

    private TableClient Events => clients.Tables.GetTableClient(TableNames.WebhookEvents);

    /// <param name="objectId">The payment the event is about (for a <c>review.*</c> event, the payment reviewed), or for a <c>refund.*</c> event the refund.</param>
    public async Task DeliverAsync(string merchantId, string objectId, string eventType, string eventId, CancellationToken cancellationToken)
    {
        var merchant = await merchants.GetKeptAsync(merchantId, cancellationToken)
            ?? throw new InvalidOperationException($"Merchant {merchantId} does not exist.");
        var evt = await GetOrCreateEventAsync(merchant, objectId, eventType, eventId, cancellationToken);
        if (evt.DeliveredAt is not null || string.IsNullOrWhiteSpace(merchant.WebhookUrl))
        {
            return;
        }

        var status = await PostAsync(merchant, evt, cancellationToken);
        if (status is < 200 or >= 300)
        {
            throw new HttpRequestException($"Webhook {eventId} to merchant {merchantId} answered {status}.");
        }
    }

    /// <summary>
    /// A <c>test.event</c> with id <paramref name="eventId"/>, signed and sent as every event is, once: the merchant
    /// who asked for it reads its outcome on the returned row, and a failure is not retried behind their back.
    /// An unreachable endpoint is an attempt without a status, as it is for a real event.
    /// </summary>
    public async Task<WebhookEventEntity> DeliverTestAsync(MerchantEntity merchant, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var now = time.GetUtcNow();
        var body = JsonSerializer.Serialize(
            new WebhookEvent(eventId, "event", WebhookTestEvents.Type, now, !merchant.TestMode, new WebhookEventData(new WebhookTestObject("test", "A test event sent from the console."))),
            ApiJson.Options);
        var evt = new WebhookEventEntity { PartitionKey = merchant.Id, RowKey = eventId, Type = WebhookTestEvents.Type, Body = body };
        try
        {
            var response = await Events.AddEntityAsync(evt, cancellationToken);
            evt.ETag = response.Headers.ETag ?? throw new InvalidOperationException($"The insert of webhook event {eventId} was answered without an ETag.");
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await Events.GetEntityAsync<WebhookEventEntity>(merchant.Id, eventId, cancellationToken: cancellationToken)).Value;
        }

        try
        {
            await PostAsync(merchant, evt, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Refused by the endpoint policy, the network, or the client's timeout: the attempt is recorded without a status.
        }

        return evt;
    }

    /// <summary>One signed POST of the frozen body; the attempt is recorded whatever came of it.</summary>
    private async Task<int?> PostAsync(MerchantEntity merchant, WebhookEventEntity evt, CancellationToken cancellationToken)
    {
        var secret = await merchants.WebhookSecretAsync(merchant, cancellationToken);
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, merchant.WebhookUrl)
        {
            Content = new StringContent(evt.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", evt.RowKey);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(secret, evt.RowKey, now, evt.Body));

        int? status = null;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
        }
        finally
        {
            await RecordAttemptAsync(evt, status, now, cancellationToken);
        }

        return status;
    }

    /// <summary>
    /// The event row, written by the first attempt: the insert is tried first, with the body built as the object is
    /// now, and it answers with the row's ETag, so a new event costs one request. Only a retry, or an attempt racing
    /// another, finds the row there and reads the body that attempt froze.
    /// </summary>
    private async Task<WebhookEventEntity> GetOrCreateEventAsync(
        MerchantEntity merchant, string objectId, string eventType, string eventId, CancellationToken cancellationToken)
    {
        var merchantId = merchant.Id;
        var (subject, at) = await SubjectAsync(merchantId, objectId, eventType, cancellationToken);
        var body = JsonSerializer.Serialize(new WebhookEvent(eventId, "event", eventType, at, !merchant.TestMode, new WebhookEventData(subject)), ApiJson.Options);
        var created = new WebhookEventEntity { PartitionKey = merchantId, RowKey = eventId, Type = eventType, PaymentId = objectId, Body = body };
        try
        {
            var response = await Events.AddEntityAsync(created, cancellationToken);
            created.ETag = response.Headers.ETag ?? throw new InvalidOperationException($"The insert of webhook event {eventId} was answered without an ETag.");
            return created;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // An earlier or a concurrent attempt froze the body first; that one is sent.
            return (await Events.GetEntityAsync<WebhookEventEntity>(merchantId, eventId, cancellationToken: cancellationToken)).Value;
        }
    }

    /// <summary>
    /// The object the event carries, frozen as it is now, and when the event happened. A payment's end is announced
    /// with the row its completion wrote, when that ran in this process; a review is read from its payment's row.
    /// </summary>
    private async Task<(object Subject, DateTimeOffset At)> SubjectAsync(string merchantId, string objectId, string eventType, CancellationToken cancellationToken)
    {
        if (eventType.StartsWith(RefundEvents.Prefix, StringComparison.Ordinal))
        {
            var refund = await refunds.GetAsync(merchantId, objectId, cancellationToken)
                ?? throw new InvalidOperationException($"Refund {objectId} does not exist.");
            return (RefundResource.From(refund), refund.SucceededAt ?? time.GetUtcNow());
        }

        if (eventType.StartsWith(ReviewEvents.Prefix, StringComparison.Ordinal))
        {
            var reviewed = await payments.GetAsync(merchantId, objectId, cancellationToken)
                ?? throw new InvalidOperationException($"Payment {objectId} does not exist.");
            return (ReviewEventResource.From(reviewed, eventType), time.GetUtcNow());
        }

        var payment = completed.Take(merchantId, objectId, eventType)
            ?? await payments.GetAsync(merchantId, objectId, cancellationToken)
            ?? throw new InvalidOperationException($"Payment {objectId} does not exist.");
        return (await checkoutLinks.ResourceAsync(payment, cancellationToken), payment.CompletedAt ?? time.GetUtcNow());
    }

    private async Task RecordAttemptAsync(WebhookEventEntity evt, int? status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        evt.Attempts++;
        evt.LastStatus = status;
        if (status is >= 200 and < 300)
        {
            evt.DeliveredAt = at;
        }

        try
        {
            await Events.UpdateEntityAsync(evt, evt.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Another attempt recorded itself meanwhile; the delivery history is informational.
        }
    }

    /// <summary><c>livemode</c> is false for a test-mode merchant's events, which a merchant's one endpoint may receive next to live ones.</summary>
    private sealed record WebhookEvent(string Id, string Object, string Type, DateTimeOffset CreatedAt, bool Livemode, WebhookEventData Data);

    private sealed record WebhookEventData(object Object);

    private sealed record WebhookTestObject(string Object, string Message);
}
