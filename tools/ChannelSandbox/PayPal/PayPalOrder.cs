using System.Security.Cryptography;

namespace ChannelSandbox.PayPal;

/// <summary>
/// An order of intent CAPTURE: PAYER_ACTION_REQUIRED until the payer approves it on the checkout page, APPROVED until the
/// merchant captures it, then COMPLETED with one capture, which refunds draw on. Lock <see cref="Gate"/> to change it.
/// </summary>
public sealed class PayPalOrder(string id, string invoiceId, string customId, string description, PayPalMoney amount, Uri returnUrl, Uri cancelUrl, DateTimeOffset createdAt)
{
    private readonly List<PayPalDelivery> _deliveries = [];

    public object Gate { get; } = new();

    public string Id { get; } = id;

    public string InvoiceId { get; } = invoiceId;

    public string CustomId { get; } = customId;

    public string Description { get; } = description;

    public PayPalMoney Amount { get; set; } = amount;

    public Uri ReturnUrl { get; } = returnUrl;

    public Uri CancelUrl { get; } = cancelUrl;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public string Status { get; set; } = "PAYER_ACTION_REQUIRED";

    /// <summary>The sandbox's own address as the merchant called it, for the links and the certificate URL of this order's webhooks.</summary>
    public required Uri SandboxBase { get; init; }

    public string? PayerId { get; set; }

    /// <summary>The payer's name as PayPal's <c>name</c> object holds it (<c>given_name</c>, <c>surname</c>), once approved.</summary>
    public (string GivenName, string Surname)? PayerName { get; set; }

    public PayPalCapture? Capture { get; set; }

    public List<PayPalRefundRecord> Refunds { get; } = [];

    /// <summary>The payer's notification was lost (<c>{"notify": false}</c>): no webhook about this order reaches the merchant.</summary>
    public bool WebhooksLost { get; set; }

    /// <summary>The last event about the order, which a resend sends again.</summary>
    public PayPalEvent? LastEvent { get; set; }

    public void Record(PayPalDelivery delivery)
    {
        lock (_deliveries)
        {
            _deliveries.Add(delivery);
        }
    }

    public IReadOnlyList<PayPalDelivery> Deliveries()
    {
        lock (_deliveries)
        {
            return [.. _deliveries];
        }
    }

    public static string NewId(int length)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXY";
        return string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}

/// <summary>The money taken from the payer: COMPLETED, PENDING (clearing), or PARTIALLY_REFUNDED / REFUNDED.</summary>
public sealed class PayPalCapture(string id, PayPalMoney amount, string status, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public PayPalMoney Amount { get; } = amount;

    public string Status { get; set; } = status;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    /// <summary>PayPal's fee: 3.49% + 0.49 of the currency's unit (its US standard rate), shown in the breakdown and the settlement report.</summary>
    public long FeeMinor => (Amount.Minor * 349 / 10_000) + (Amount.Decimals == 0 ? 0 : 49);
}

/// <summary>A refund of the capture, with the merchant's <c>invoice_id</c> (the platform's refund number) and <c>custom_id</c>.</summary>
public sealed record PayPalRefundRecord(string Id, PayPalMoney Amount, string? InvoiceId, string? CustomId, string? NoteToPayer, DateTimeOffset CreatedAt)
{
    public string Status => "COMPLETED";
}

/// <summary>One webhook event: the body is fixed when the event happens; every delivery of it is a new signed transmission.</summary>
public sealed record PayPalEvent(string Id, string EventType, string Body);

/// <summary>One transmission of an event to the listener, and how it was answered.</summary>
public sealed record PayPalDelivery(
    string Reason, string EventType, string Url, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset SentAt, int? Status, string? Error, bool Acknowledged);
