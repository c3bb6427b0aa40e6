using System.Runtime.CompilerServices;
using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>The base of the client's resources: each one groups the operations on one kind of object.</summary>
public abstract class Service
{
    private protected Service(ApiRequestor requestor)
    {
        Requestor = requestor;
    }

    private protected ApiRequestor Requestor { get; }

    /// <summary>An identifier as one path segment, so an id cannot reach another path.</summary>
    private protected static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    private protected static QueryString PageQuery(ListOptions? options, string? startingAfter) =>
        new QueryString().Add("limit", options?.Limit).Add("starting_after", startingAfter);

    private protected Task<T> GetAsync<T>(string path, QueryString? query, CancellationToken cancellationToken) =>
        Requestor.SendAsync<T>(HttpMethod.Get, path, query, null, null, cancellationToken);

    private protected Task<T> PostAsync<T>(
        string path, object? body, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        Requestor.SendAsync<T>(HttpMethod.Post, path, null, body, requestOptions, cancellationToken);

    /// <summary>Every item of a list, fetching each next page after the last item of the one before until
    /// <c>has_more</c> is false.</summary>
    private protected static async IAsyncEnumerable<T> AutoPageAsync<T>(
        string? startingAfter,
        Func<string?, CancellationToken, Task<ListPage<T>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IHasId
    {
        var cursor = startingAfter;
        while (true)
        {
            var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Data)
            {
                yield return item;
            }

            // An empty page with has_more would otherwise ask for the same page forever.
            if (!page.HasMore || page.Data.Count == 0)
            {
                yield break;
            }

            cursor = page.Data[^1].Id;
        }
    }
}
