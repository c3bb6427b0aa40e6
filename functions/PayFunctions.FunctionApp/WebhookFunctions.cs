using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.FunctionApp;

/// <summary>The webhook endpoint and payment timeline routes of <see cref="Core.Http.ApiRoutes"/>.</summary>
public sealed class WebhookFunctions(WebhookEndpoints webhooks, PaymentTimelineEndpoint timeline)
{
    [Function("GetPaymentTimeline")]
    public Task<IActionResult> GetPaymentTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/payments/{id}/timeline")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) => timeline.GetAsync(request, id, cancellationToken).AsActionResult();

    [Function("ListWebhookEndpoints")]
    public static IActionResult ListWebhookEndpoints(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/webhook_endpoints")] HttpRequest request) =>
        new ResultActionResult(WebhookEndpoints.List(request));

    [Function("SendTestWebhook")]
    public Task<IActionResult> SendTestWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/webhook_endpoints/test")] HttpRequest request,
        CancellationToken cancellationToken) => webhooks.SendTestAsync(request, cancellationToken).AsActionResult();

    [Function("ListWebhookDeliveries")]
    public Task<IActionResult> ListWebhookDeliveries(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/webhook_endpoints/deliveries")] HttpRequest request,
        CancellationToken cancellationToken) => webhooks.ListDeliveriesAsync(request, cancellationToken).AsActionResult();
}
