using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>Refunds of payments.</summary>
public sealed class RefundService : Service
{
    internal RefundService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Refunds part or all of a paid payment (<c>POST /v1/payments/{id}/refunds</c>). The refund is
    /// <c>pending</c> until the channel confirms it.</summary>
    public Task<Refund> CreateAsync(
        string paymentId,
        RefundCreateOptions? options = null,
        RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        PostAsync<Refund>(
            $"/v1/payments/{Segment(paymentId)}/refunds", options ?? new RefundCreateOptions(), requestOptions, cancellationToken);

    /// <summary>Reads a refund (<c>GET /v1/refunds/{id}</c>).</summary>
    public Task<Refund> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync<Refund>($"/v1/refunds/{Segment(id)}", null, cancellationToken);

    /// <summary>Reads one page of a payment's refunds, newest first (<c>GET /v1/payments/{id}/refunds</c>).</summary>
    public Task<ListPage<Refund>> ListAsync(
        string paymentId, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<Refund>>(
            $"/v1/payments/{Segment(paymentId)}/refunds", PageQuery(options, options?.StartingAfter), cancellationToken);

    /// <summary>Every refund of a payment, newest first, fetching pages as it goes.</summary>
    public IAsyncEnumerable<Refund> ListAutoPagingAsync(
        string paymentId, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = $"/v1/payments/{Segment(paymentId)}/refunds";
        return AutoPageAsync(
            options?.StartingAfter,
            (cursor, ct) => GetAsync<ListPage<Refund>>(path, PageQuery(options, cursor), ct),
            cancellationToken);
    }
}
