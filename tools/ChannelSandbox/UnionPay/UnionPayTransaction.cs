using System.Globalization;

namespace ChannelSandbox.UnionPay;

public enum TransactionState
{
    /// <summary>A QR code nobody has paid yet: not a transaction at UnionPay, so a query answers 34.</summary>
    AwaitingPayer,

    /// <summary>Accepted, outcome still to come (origRespCode 05).</summary>
    Pending,

    Succeeded,

    Failed,
}

/// <summary>One ACP transaction (a consume, refund or void) as the sandbox holds it; every change happens under its lock.</summary>
public sealed class UnionPayTransaction
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private readonly List<UnionPayDelivery> _deliveries = [];

    public UnionPayTransaction(IReadOnlyDictionary<string, string> request, string queryId, DateTimeOffset now)
    {
        Request = request;
        QueryId = queryId;
        CreatedAt = now;
    }

    /// <summary>The merchant's request fields as received (signature included), the source of everything echoed.</summary>
    public IReadOnlyDictionary<string, string> Request { get; }

    public string OrderId => Request["orderId"];

    public string TxnTime => Request["txnTime"];

    public string TxnType => Request["txnType"];

    public string TxnSubType => Request["txnSubType"];

    public long Amount => long.Parse(Request["txnAmt"], CultureInfo.InvariantCulture);

    public string BackUrl => Request["backUrl"];

    public string QueryId { get; }

    public DateTimeOffset CreatedAt { get; }

    public TransactionState State { get; private set; } = TransactionState.Pending;

    /// <summary>The final response code (origRespCode in a query, respCode in the notification).</summary>
    public string ResultCode { get; private set; } = "05";

    public string ResultMessage { get; private set; } = "交易已受理，请稍后查询交易结果";

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? QrCode { get; init; }

    /// <summary>
    /// What a paid consume reports of the card, as a merchant configured for it receives it: <c>accNo</c> masked to its first
    /// six and last four digits, and <c>payCardType</c> 01 (a debit account). Nothing for a refund, a void or an unpaid consume.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> PayerCardFields() =>
        TxnType == "01" && State == TransactionState.Succeeded
            ? [new("accNo", "621626*********0018"), new("payCardType", "01")]
            : [];

    public UnionPayTransaction? Original { get; init; }

    /// <summary>How much of this consume refunds and voids have taken back, in fen.</summary>
    public long Reversed { get; private set; }

    public object Gate { get; } = new();

    public static UnionPayTransaction AwaitingPayment(IReadOnlyDictionary<string, string> request, string queryId, string? qrCode, DateTimeOffset now) =>
        new(request, queryId, now) { QrCode = qrCode, State = TransactionState.AwaitingPayer };

    public bool IsExpired(DateTimeOffset now) =>
        State == TransactionState.AwaitingPayer
        && Request.TryGetValue("payTimeout", out var timeout)
        && DateTimeOffset.TryParseExact(timeout + "+08:00", "yyyyMMddHHmmsszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline)
        && now > deadline;

    public void Succeed(DateTimeOffset now)
    {
        State = TransactionState.Succeeded;
        ResultCode = "00";
        ResultMessage = "成功[0000000]";
        CompletedAt = now;
    }

    public void Fail(string code, string message, DateTimeOffset now)
    {
        State = TransactionState.Failed;
        ResultCode = code;
        ResultMessage = message;
        CompletedAt = now;
    }

    public void MarkPending() => State = TransactionState.Pending;

    public bool TryReverse(long amount)
    {
        if (State != TransactionState.Succeeded || Reversed + amount > Amount)
        {
            return false;
        }

        Reversed += amount;
        return true;
    }

    /// <summary>traceTime: MMddHHmmss in China time.</summary>
    public string TraceTime => (CompletedAt ?? CreatedAt).ToOffset(ChinaOffset).ToString("MMddHHmmss", CultureInfo.InvariantCulture);

    public string TraceNo => QueryId[^6..];

    public string SettleDate => (CompletedAt ?? CreatedAt).ToOffset(ChinaOffset).ToString("MMdd", CultureInfo.InvariantCulture);

    public void Record(UnionPayDelivery delivery)
    {
        lock (_deliveries)
        {
            _deliveries.Add(delivery);
        }
    }

    public IReadOnlyList<UnionPayDelivery> Deliveries()
    {
        lock (_deliveries)
        {
            return [.. _deliveries];
        }
    }
}

/// <summary>One POST of a back notification; <see cref="Status"/> is null when no HTTP answer came.</summary>
public sealed record UnionPayDelivery(string Reason, string Url, string Body, DateTimeOffset SentAt, int? Status, string? Error, bool Acknowledged);
