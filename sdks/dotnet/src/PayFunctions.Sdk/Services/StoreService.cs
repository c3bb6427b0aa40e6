using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>Stores: fixed QR codes payers scan to pay the merchant.</summary>
public sealed class StoreService : Service
{
    private const string Path = "/v1/stores";

    internal StoreService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Creates a store (<c>POST /v1/stores</c>).</summary>
    public Task<Store> CreateAsync(
        StoreCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PostAsync<Store>(Path, options, requestOptions, cancellationToken);
    }

    /// <summary>Reads a store (<c>GET /v1/stores/{id}</c>).</summary>
    public Task<Store> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync<Store>($"{Path}/{Segment(id)}", null, cancellationToken);

    /// <summary>Reads one page of stores, newest first (<c>GET /v1/stores</c>).</summary>
    public Task<ListPage<Store>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<Store>>(Path, PageQuery(options, options?.StartingAfter), cancellationToken);

    /// <summary>Every store, newest first, fetching pages as it goes.</summary>
    public IAsyncEnumerable<Store> ListAutoPagingAsync(
        ListOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync(
            options?.StartingAfter,
            (cursor, ct) => GetAsync<ListPage<Store>>(Path, PageQuery(options, cursor), ct),
            cancellationToken);

    /// <summary>The store's QR code as a PNG image (<c>GET /v1/stores/{id}/qr.png</c>).</summary>
    public Task<byte[]> GetQrPngAsync(string id, CancellationToken cancellationToken = default) =>
        GetBytesAsync($"{Path}/{Segment(id)}/qr.png", "image/png", cancellationToken);

    /// <summary>The store's QR code as an SVG image, UTF-8 (<c>GET /v1/stores/{id}/qr.svg</c>).</summary>
    public Task<byte[]> GetQrSvgAsync(string id, CancellationToken cancellationToken = default) =>
        GetBytesAsync($"{Path}/{Segment(id)}/qr.svg", "image/svg+xml", cancellationToken);

    private async Task<byte[]> GetBytesAsync(string path, string accept, CancellationToken cancellationToken)
    {
        var response = await Requestor.SendRawAsync(HttpMethod.Get, path, null, null, null, accept, cancellationToken)
            .ConfigureAwait(false);
        return response.Body;
    }
}
