using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>The merchant's webhook endpoints and the deliveries made to them.</summary>
public sealed class WebhookEndpointService : Service
{
    private const string DeliveriesPath = "/v1/webhook_endpoints/deliveries";

    internal WebhookEndpointService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Lists the endpoints (<c>GET /v1/webhook_endpoints</c>).</summary>
    public Task<ListPage<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<WebhookEndpoint>>("/v1/webhook_endpoints", null, cancellationToken);

    /// <summary>Delivers a signed test event to the endpoint now and answers the delivery
    /// (<c>POST /v1/webhook_endpoints/test</c>).</summary>
    public Task<WebhookDelivery> SendTestAsync(
        RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PostAsync<WebhookDelivery>("/v1/webhook_endpoints/test", null, requestOptions, cancellationToken);

    /// <summary>Reads one page of deliveries, newest first (<c>GET /v1/webhook_endpoints/deliveries</c>).</summary>
    public Task<ListPage<WebhookDelivery>> ListDeliveriesAsync(
        ListOptions? options = null, CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<WebhookDelivery>>(DeliveriesPath, PageQuery(options, options?.StartingAfter), cancellationToken);

    /// <summary>Every delivery, newest first, fetching pages as it goes.</summary>
    public IAsyncEnumerable<WebhookDelivery> ListDeliveriesAutoPagingAsync(
        ListOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync(
            options?.StartingAfter,
            (cursor, ct) => GetAsync<ListPage<WebhookDelivery>>(DeliveriesPath, PageQuery(options, cursor), ct),
            cancellationToken);
}
