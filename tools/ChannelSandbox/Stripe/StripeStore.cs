using System.Security.Cryptography;

namespace ChannelSandbox.Stripe;

/// <summary>Everything the simulated account holds. One lock guards all of it: the sandbox's traffic is small.</summary>
public sealed class StripeStore
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Dictionary<string, StripeSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StripeSession> _byOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StripePaymentIntent> _paymentIntents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StripeRefund> _refunds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StripeDelivery>> _deliveries = new(StringComparer.Ordinal);

    public object Gate { get; } = new();

    /// <summary>An id as Stripe writes them: a prefix (cs_test_, pi_, ch_, re_, evt_, txn_) and random letters and digits.</summary>
    public static string NewId(string prefix) => prefix + RandomNumberGenerator.GetString(IdAlphabet, 24);

    public void Add(StripeSession session)
    {
        lock (Gate)
        {
            _sessions[session.Id] = session;
            _byOrder[session.OrderKey] = session;
        }
    }

    public void Add(StripePaymentIntent intent)
    {
        lock (Gate)
        {
            _paymentIntents[intent.Id] = intent;
        }
    }

    public void Add(StripeRefund refund)
    {
        lock (Gate)
        {
            _refunds[refund.Id] = refund;
        }
    }

    public StripeSession? Session(string id)
    {
        lock (Gate)
        {
            return _sessions.GetValueOrDefault(id);
        }
    }

    /// <summary>The latest session of an order, by the platform's order number (client_reference_id) or the session id.</summary>
    public StripeSession? SessionOfOrder(string key)
    {
        lock (Gate)
        {
            return _byOrder.GetValueOrDefault(key) ?? _sessions.GetValueOrDefault(key);
        }
    }

    public StripePaymentIntent? PaymentIntent(string id)
    {
        lock (Gate)
        {
            return _paymentIntents.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<StripeRefund> RefundsOf(StripePaymentIntent intent)
    {
        lock (Gate)
        {
            return [.. _refunds.Values.Where(r => r.PaymentIntent == intent).OrderByDescending(r => r.Created)];
        }
    }

    public StripeRefund? RefundByMetadata(string key, string value)
    {
        lock (Gate)
        {
            return _refunds.Values.FirstOrDefault(r => r.Metadata.GetValueOrDefault(key) == value);
        }
    }

    public void Record(string orderKey, StripeDelivery delivery)
    {
        lock (Gate)
        {
            if (!_deliveries.TryGetValue(orderKey, out var list))
            {
                _deliveries[orderKey] = list = [];
            }

            list.Add(delivery);
        }
    }

    public IReadOnlyList<StripeDelivery> Deliveries(string orderKey)
    {
        lock (Gate)
        {
            return _deliveries.TryGetValue(orderKey, out var list) ? [.. list] : [];
        }
    }
}
