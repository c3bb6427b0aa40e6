using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>The merchant's API keys.</summary>
public sealed class ApiKeyService : Service
{
    private const string Path = "/v1/api_keys";

    internal ApiKeyService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Creates a key (<c>POST /v1/api_keys</c>); its secret is in this answer only.</summary>
    public Task<ApiKey> CreateAsync(
        ApiKeyCreateOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PostAsync<ApiKey>(Path, options ?? new ApiKeyCreateOptions(), requestOptions, cancellationToken);

    /// <summary>Reads one page of keys, newest first (<c>GET /v1/api_keys</c>).</summary>
    public Task<ListPage<ApiKey>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<ApiKey>>(Path, PageQuery(options, options?.StartingAfter), cancellationToken);

    /// <summary>Every key, newest first, fetching pages as it goes.</summary>
    public IAsyncEnumerable<ApiKey> ListAutoPagingAsync(
        ListOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync(
            options?.StartingAfter,
            (cursor, ct) => GetAsync<ListPage<ApiKey>>(Path, PageQuery(options, cursor), ct),
            cancellationToken);

    /// <summary>Replaces a key's secret (<c>POST /v1/api_keys/{id}/roll</c>); the old one keeps working for
    /// <see cref="ApiKeyRollOptions.ExpiresInSeconds"/>.</summary>
    public Task<ApiKey> RollAsync(
        string id,
        ApiKeyRollOptions? options = null,
        RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        PostAsync<ApiKey>($"{Path}/{Segment(id)}/roll", options ?? new ApiKeyRollOptions(), requestOptions, cancellationToken);

    /// <summary>Revokes a key at once (<c>POST /v1/api_keys/{id}/revoke</c>).</summary>
    public Task<ApiKey> RevokeAsync(
        string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PostAsync<ApiKey>($"{Path}/{Segment(id)}/revoke", null, requestOptions, cancellationToken);
}
