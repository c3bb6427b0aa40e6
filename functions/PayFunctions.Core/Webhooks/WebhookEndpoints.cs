using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Webhooks;

/// <summary>
/// The merchant's view of their webhooks: the endpoint events go to, a signed test event on demand, and the log of
/// every event's deliveries.
/// </summary>
public sealed class WebhookEndpoints(WebhookSender sender, WebhookDeliveries deliveries, IdempotentPost idempotentPost, TimeProvider time)
{
    /// <summary><c>GET /api/v1/webhook_endpoints</c>: a list, as other APIs have, of the one endpoint a merchant has.</summary>
    public static IResult List(HttpRequest request)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        IReadOnlyList<WebhookEndpointResource> data = string.IsNullOrWhiteSpace(merchant.WebhookUrl)
            ? []
            : [new WebhookEndpointResource("webhook_endpoint", merchant.WebhookUrl, !merchant.TestMode)];
        return Results.Json(new WebhookEndpointList("list", "/api/v1/webhook_endpoints", data, false), ApiJson.Options);
    }

    /// <summary>
    /// <c>POST /api/v1/webhook_endpoints/test</c>: sends a <c>test.event</c> now and answers its delivery. Under the
    /// same <c>Idempotency-Key</c> a retry answers the first send and sends nothing more.
    /// </summary>
    public async Task<IResult> SendTestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var body = await RequestBody.ReadBytesAsync(request, cancellationToken);
        if (body is null || body.Length > 0 && !IsEmptyObject(body))
        {
            return ApiError.MalformedBody("This request takes no body, or {}.").ToResult();
        }

        if (string.IsNullOrWhiteSpace(merchant.WebhookUrl))
        {
            return new ApiError(
                StatusCodes.Status409Conflict,
                "webhook_endpoint_missing",
                "There is no webhook endpoint to send to.",
                "The platform's operators set the endpoint when the merchant is onboarded.").ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            merchant.Id,
            body,
            () => WebhookTestEvents.NewId(time),
            async eventId =>
            {
                var sent = await sender.DeliverTestAsync(merchant, eventId, cancellationToken);
                return new StoredResponse(StatusCodes.Status200OK, JsonSerializer.Serialize(WebhookDeliveryResource.From(sent), ApiJson.Options), "application/json");
            },
            cancellationToken);
    }

    /// <summary><c>GET /api/v1/webhook_endpoints/deliveries</c>: every event sent or being sent, newest first.</summary>
    public async Task<IResult> ListDeliveriesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, WebhookTestEvents.IsEventId, "an event");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var (page, hasMore) = await deliveries.ListAsync(merchant.Id, limit, startingAfter, cancellationToken);
        return Results.Json(
            new WebhookDeliveryList("list", "/api/v1/webhook_endpoints/deliveries", [.. page.Select(WebhookDeliveryResource.From)], hasMore),
            ApiJson.Options);
    }

    private static bool IsEmptyObject(byte[] body) =>
        Encoding.UTF8.GetString(body).Trim() is "{}";
}
