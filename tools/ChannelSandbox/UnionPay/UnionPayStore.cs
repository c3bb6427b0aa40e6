using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace ChannelSandbox.UnionPay;

/// <summary>The sandbox's transactions, in memory, by orderId and by queryId.</summary>
public sealed class UnionPayStore
{
    private readonly ConcurrentDictionary<string, UnionPayTransaction> _byOrderId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UnionPayTransaction> _byQueryId = new(StringComparer.Ordinal);

    /// <summary>Adds the transaction unless its orderId is taken; false means a repeat (respCode 12).</summary>
    public bool TryAdd(UnionPayTransaction transaction)
    {
        if (!_byOrderId.TryAdd(transaction.OrderId, transaction))
        {
            return false;
        }

        _byQueryId[transaction.QueryId] = transaction;
        return true;
    }

    public UnionPayTransaction? Find(string orderId) => _byOrderId.GetValueOrDefault(orderId);

    public IEnumerable<UnionPayTransaction> All() => _byOrderId.Values;

    public UnionPayTransaction? FindByQueryId(string queryId) => _byQueryId.GetValueOrDefault(queryId);

    /// <summary>A queryId as UnionPay makes them: 21 digits, the China date and time first.</summary>
    public static string NewQueryId(DateTimeOffset now) =>
        now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
}
