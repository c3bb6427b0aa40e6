using System.Collections.Concurrent;

namespace ChannelSandbox.AlipayPlus;

/// <summary>What a pay request fixed: the terms a repeated request with the same paymentRequestId must repeat.</summary>
public sealed record AlipayPlusTerms(
    string PaymentRequestId,
    string PaymentMethodType,
    string Currency,
    long Value,
    string Description,
    Uri RedirectUrl,
    Uri NotifyUrl,
    DateTimeOffset? ExpiresAt);

/// <summary>A refund as Alipay+ holds it.</summary>
public sealed record AlipayPlusRefund(string RefundRequestId, string RefundId, long Value, string Status, DateTimeOffset At, Uri? NotifyUrl, string? Metadata);

/// <summary>One notification Alipay+ sends, signed afresh at each delivery; its body never changes.</summary>
public sealed record AlipayPlusNotification(string NotifyType, string Body, Uri Url);

/// <summary>One delivery attempt as the payer's network saw it.</summary>
public sealed record AlipayPlusDelivery(
    string NotifyType, string Reason, Uri Url, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset SentAt, int? Status, string? Response, string? Error, bool Acknowledged);

/// <summary>
/// A cashier payment: PROCESSING until the payer pays (SUCCESS) or it is cancelled or expires (CANCELLED); its refunds, the
/// notifications about it and every delivery of them. All state changes under one lock.
/// </summary>
public sealed class AlipayPlusPayment(AlipayPlusTerms terms, string paymentId, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly List<AlipayPlusRefund> _refunds = [];
    private readonly List<AlipayPlusNotification> _notifications = [];
    private readonly List<AlipayPlusDelivery> _deliveries = [];

    public AlipayPlusTerms Terms { get; } = terms;

    public string PaymentId { get; } = paymentId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The payer's id at the wallet, which <c>pspCustomerInfo.pspCustomerId</c> reports: one payer per payment here.</summary>
    public string PspCustomerId { get; } = "2188" + AlipayPlusCrypto.RandomDigits(12);

    /// <summary>
    /// <c>pspCustomerInfo</c> of a paid payment: the wallet (<c>pspName</c>), the payer's id at it and what the wallet shows
    /// of it (a masked phone number).
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? PspCustomerInfo() => PaidAt is null
        ? null
        : new() { ["pspName"] = Terms.PaymentMethodType, ["pspCustomerId"] = PspCustomerId, ["displayCustomerId"] = "63*****1234" };

    public string Status { get; private set; } = "PROCESSING";

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Ends an unpaid payment whose expiry passed, as Alipay+ does by itself.</summary>
    public string StatusAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Status == "PROCESSING" && Terms.ExpiresAt is { } expiry && now >= expiry)
            {
                Status = "CANCELLED";
            }

            return Status;
        }
    }

    /// <summary>The payer pays: true when the payment was open and is now paid.</summary>
    public bool Pay(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (StatusAt(now) != "PROCESSING")
            {
                return false;
            }

            Status = "SUCCESS";
            PaidAt = now;
            return true;
        }
    }

    /// <summary>Cancels the payment: an open one ends, a paid one is given back to the payer whole.</summary>
    public void Cancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (StatusAt(now) == "SUCCESS")
            {
                _refunds.Add(new AlipayPlusRefund("cancel-" + PaymentId, "cancel-" + PaymentId, Terms.Value - Refunded(), "SUCCESS", now, null, null));
            }

            Status = "CANCELLED";
        }
    }

    /// <summary>Takes a refund (<c>Created</c>), or finds the one with the same request id; null with a result code when it is refused.</summary>
    public (AlipayPlusRefund? Refund, string? Refusal, bool Created) Refund(string refundRequestId, long value, DateTimeOffset now, Uri? notifyUrl, string? metadata, bool inProcess)
    {
        lock (_gate)
        {
            if (_refunds.FirstOrDefault(r => r.RefundRequestId == refundRequestId) is { } existing)
            {
                return existing.Value == value ? (existing, null, false) : (null, "REPEAT_REQ_INCONSISTENT", false);
            }

            if (StatusAt(now) != "SUCCESS")
            {
                return (null, "ORDER_STATUS_INVALID", false);
            }

            if (Refunded() + value > Terms.Value)
            {
                return (null, "REFUND_AMOUNT_EXCEED", false);
            }

            var refund = new AlipayPlusRefund(refundRequestId, "2026" + AlipayPlusCrypto.RandomDigits(24), value, inProcess ? "PROCESSING" : "SUCCESS", now, notifyUrl, metadata);
            _refunds.Add(refund);
            return (refund, null, true);
        }
    }

    /// <summary>Ends a refund that was in process.</summary>
    public AlipayPlusRefund Complete(AlipayPlusRefund refund, DateTimeOffset now)
    {
        lock (_gate)
        {
            var done = refund with { Status = "SUCCESS", At = now };
            _refunds[_refunds.IndexOf(refund)] = done;
            return done;
        }
    }

    public AlipayPlusRefund? FindRefund(string refundRequestId)
    {
        lock (_gate)
        {
            return _refunds.FirstOrDefault(r => r.RefundRequestId == refundRequestId);
        }
    }

    public IReadOnlyList<AlipayPlusRefund> Refunds()
    {
        lock (_gate)
        {
            return [.. _refunds];
        }
    }

    public void Add(AlipayPlusNotification notification)
    {
        lock (_gate)
        {
            _notifications.Add(notification);
        }
    }

    public AlipayPlusNotification? LatestPaymentNotification()
    {
        lock (_gate)
        {
            return _notifications.LastOrDefault(n => n.NotifyType == "PAYMENT_RESULT");
        }
    }

    public void Record(AlipayPlusDelivery delivery)
    {
        lock (_gate)
        {
            _deliveries.Add(delivery);
        }
    }

    public IReadOnlyList<AlipayPlusDelivery> Deliveries()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    private long Refunded() => _refunds.Where(r => r.Status != "FAIL").Sum(r => r.Value);
}

/// <summary>The payments Alipay+ holds, by paymentRequestId and by paymentId.</summary>
public sealed class AlipayPlusStore
{
    private readonly ConcurrentDictionary<string, AlipayPlusPayment> _byRequestId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AlipayPlusPayment> _byPaymentId = new(StringComparer.Ordinal);

    public AlipayPlusPayment GetOrAdd(AlipayPlusTerms terms, DateTimeOffset now)
    {
        var payment = _byRequestId.GetOrAdd(terms.PaymentRequestId, _ => new AlipayPlusPayment(terms, "2026" + AlipayPlusCrypto.RandomDigits(24), now));
        _byPaymentId.TryAdd(payment.PaymentId, payment);
        return payment;
    }

    public AlipayPlusPayment? Find(string paymentRequestId) => _byRequestId.GetValueOrDefault(paymentRequestId);

    public AlipayPlusPayment? FindByPaymentId(string paymentId) => _byPaymentId.GetValueOrDefault(paymentId);

    public AlipayPlusPayment? FindByRefund(string refundRequestId) => _byRequestId.Values.FirstOrDefault(p => p.FindRefund(refundRequestId) is not null);
}
