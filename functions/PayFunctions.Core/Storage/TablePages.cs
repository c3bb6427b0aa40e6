using Azure;

namespace PayFunctions.Core.Storage;

/// <summary>
/// One page of a cursor-paged list: the query asks for one row more than the page holds, and that extra row, when it
/// comes, is what says more follow, so no second query is ever sent to find out.
/// </summary>
public static class TablePages
{
    /// <summary>
    /// The first <paramref name="limit"/> rows of <paramref name="rows"/>, and whether another came after them. The query
    /// carries its own page size and cancellation; it should ask for at least <paramref name="limit"/> + 1 rows a page,
    /// so that a full page is one round trip.
    /// </summary>
    public static Task<(IReadOnlyList<T> Page, bool HasMore)> TakeAsync<T>(AsyncPageable<T> rows, int limit)
        where T : notnull =>
        TakeAsync(rows, limit, static _ => true);

    /// <summary>
    /// As <see cref="TakeAsync{T}(AsyncPageable{T}, int)"/>, but the list ends at the first row that fails
    /// <paramref name="takeWhile"/>: for a bound the table cannot apply itself, on rows that arrive ordered by it.
    /// </summary>
    public static async Task<(IReadOnlyList<T> Page, bool HasMore)> TakeAsync<T>(AsyncPageable<T> rows, int limit, Func<T, bool> takeWhile)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(takeWhile);
        var page = new List<T>(limit + 1);
        await foreach (var row in rows)
        {
            if (!takeWhile(row))
            {
                break;
            }

            page.Add(row);
            if (page.Count > limit)
            {
                break;
            }
        }

        var hasMore = page.Count > limit;
        return (hasMore ? page[..limit] : page, hasMore);
    }
}
