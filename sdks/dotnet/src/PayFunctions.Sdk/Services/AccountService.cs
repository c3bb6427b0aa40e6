using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>Connected accounts: the receivers of a merchant's payment splits.</summary>
public sealed class AccountService : Service
{
    private const string Path = "/v1/accounts";

    internal AccountService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Adds a connected account (<c>POST /v1/accounts</c>).</summary>
    public Task<Account> CreateAsync(
        AccountCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PostAsync<Account>(Path, options, requestOptions, cancellationToken);
    }

    /// <summary>Reads a connected account (<c>GET /v1/accounts/{id}</c>).</summary>
    public Task<Account> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync<Account>($"{Path}/{Segment(id)}", null, cancellationToken);

    /// <summary>Reads one page of connected accounts, newest first (<c>GET /v1/accounts</c>).</summary>
    public Task<ListPage<Account>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<Account>>(Path, PageQuery(options, options?.StartingAfter), cancellationToken);

    /// <summary>Every connected account, newest first, fetching pages as it goes.</summary>
    public IAsyncEnumerable<Account> ListAutoPagingAsync(
        ListOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync(
            options?.StartingAfter,
            (cursor, ct) => GetAsync<ListPage<Account>>(Path, PageQuery(options, cursor), ct),
            cancellationToken);

    /// <summary>Stops splits and payouts to an account (<c>POST /v1/accounts/{id}/deactivate</c>).</summary>
    public Task<Account> DeactivateAsync(
        string id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        PostAsync<Account>($"{Path}/{Segment(id)}/deactivate", null, requestOptions, cancellationToken);
}
