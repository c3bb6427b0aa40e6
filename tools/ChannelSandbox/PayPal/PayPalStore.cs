using System.Collections.Concurrent;

namespace ChannelSandbox.PayPal;

/// <summary>Orders by PayPal's id and by the merchant's invoice id, access tokens, and idempotent answers by <c>PayPal-Request-Id</c>.</summary>
public sealed class PayPalStore
{
    private readonly ConcurrentDictionary<string, PayPalOrder> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PayPalOrder> _byInvoice = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<StoredAnswer>> _answers = new(StringComparer.Ordinal);

    public void Add(PayPalOrder order)
    {
        _orders[order.Id] = order;
        _byInvoice.TryAdd(order.InvoiceId, order);
    }

    /// <summary>By PayPal's order id or the merchant's invoice id (the platform's payment id).</summary>
    public PayPalOrder? Find(string key) =>
        _orders.TryGetValue(key, out var order) ? order : _byInvoice.TryGetValue(key, out var byInvoice) ? byInvoice : null;

    public PayPalOrder? FindByCapture(string captureId) => _orders.Values.FirstOrDefault(o => o.Capture?.Id == captureId);

    public (PayPalOrder Order, PayPalRefundRecord Refund)? FindRefund(string refundId) =>
        _orders.Values.SelectMany(o => o.Refunds.Select(r => (Order: o, Refund: r))).Where(x => x.Refund.Id == refundId)
            .Select(x => ((PayPalOrder, PayPalRefundRecord)?)(x.Order, x.Refund)).FirstOrDefault();

    public IReadOnlyList<PayPalOrder> Orders() => [.. _orders.Values];

    public void AddToken(string token, DateTimeOffset expiresAt) => _tokens[token] = expiresAt;

    public bool IsValidToken(string token, DateTimeOffset now) => _tokens.TryGetValue(token, out var expiresAt) && expiresAt > now;

    /// <summary>
    /// The answer to a request with this <c>PayPal-Request-Id</c> (scoped by operation): the first request's, computed once
    /// however many arrive at the same time. Failures are not kept, so a refused request can be sent again.
    /// </summary>
    public StoredAnswer Idempotent(string scope, string requestId, Func<StoredAnswer> compute)
    {
        var key = scope + "\n" + requestId;
        var lazy = _answers.GetOrAdd(key, _ => new Lazy<StoredAnswer>(compute));
        var answer = lazy.Value;
        if (answer.Status >= 400)
        {
            _answers.TryRemove(KeyValuePair.Create(key, lazy));
        }

        return answer;
    }
}

/// <summary>An answer kept for a <c>PayPal-Request-Id</c>; <see cref="Replay"/> re-reads the resource as it now stands.</summary>
public sealed record StoredAnswer(int Status, Func<object> Replay);
