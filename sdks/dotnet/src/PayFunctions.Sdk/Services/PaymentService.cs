using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>Payments: create, read, list, close, capture, and their timeline.</summary>
public sealed class PaymentService : Service
{
    internal PaymentService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Creates a payment (<c>POST /v1/payments</c>). A wallet payment answers <c>requires_action</c> with the
    /// QR code or redirect in <see cref="Payment.NextAction"/>; under load it may answer <c>processing</c> first.</summary>
    public Task<Payment> CreateAsync(
        PaymentCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PostAsync<Payment>("/v1/payments", options, requestOptions, cancellationToken);
    }

    /// <summary>Reads a payment (<c>GET /v1/payments/{id}</c>).</summary>
    public Task<Payment> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync<Payment>($"/v1/payments/{Segment(id)}", null, cancellationToken);

    /// <summary>Reads one page of payments, newest first (<c>GET /v1/payments</c>).</summary>
    public Task<ListPage<Payment>> ListAsync(
        PaymentListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListPageAsync(options, options?.StartingAfter, cancellationToken);

    /// <summary>Every payment matching <paramref name="options"/>, newest first, fetching pages as it goes.</summary>
    public IAsyncEnumerable<Payment> ListAutoPagingAsync(
        PaymentListOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync(options?.StartingAfter, (cursor, ct) => ListPageAsync(options, cursor, ct), cancellationToken);

    /// <summary>Closes an unpaid payment at the channel (<c>POST /v1/payments/{id}/close</c>).</summary>
    public Task<Payment> CloseAsync(
        string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PostAsync<Payment>($"/v1/payments/{Segment(id)}/close", null, requestOptions, cancellationToken);

    /// <summary>Captures an authorised payment created with <c>capture_method</c> <c>manual</c>
    /// (<c>POST /v1/payments/{id}/capture</c>).</summary>
    public Task<Payment> CaptureAsync(
        string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PostAsync<Payment>($"/v1/payments/{Segment(id)}/capture", null, requestOptions, cancellationToken);

    /// <summary>Reads a payment's history, oldest first (<c>GET /v1/payments/{id}/timeline</c>).</summary>
    public Task<ListPage<PaymentTimelineEvent>> GetTimelineAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<PaymentTimelineEvent>>($"/v1/payments/{Segment(id)}/timeline", null, cancellationToken);

    private Task<ListPage<Payment>> ListPageAsync(
        PaymentListOptions? options, string? startingAfter, CancellationToken cancellationToken) =>
        GetAsync<ListPage<Payment>>(
            "/v1/payments", PageQuery(options, startingAfter).Add("status", options?.Status), cancellationToken);
}
