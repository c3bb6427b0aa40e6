namespace ChannelSandbox.PayPal;

/// <summary>Orders, captures and refunds as PayPal's REST API and webhooks show them.</summary>
public static class PayPalViews
{
    /// <summary>The sandbox's one PayPal payer: an e-mail and an address in the United States.</summary>
    private const string PayerEmail = "payer@sandbox.paypal.test";

    private const string PayerCountry = "US";

    public static object Order(PayPalOrder order)
    {
        var self = new Uri(order.SandboxBase, $"v2/checkout/orders/{order.Id}").AbsoluteUri;
        var links = new List<object> { Link(self, "self", "GET") };
        if (order.Status == "PAYER_ACTION_REQUIRED")
        {
            links.Add(Link(new Uri(order.SandboxBase, $"checkoutnow?token={order.Id}").AbsoluteUri, "payer-action", "GET"));
        }
        else if (order.Status == "APPROVED")
        {
            links.Add(Link(self, "update", "PATCH"));
            links.Add(Link(self + "/capture", "capture", "POST"));
        }

        var unit = new Dictionary<string, object?>
        {
            ["reference_id"] = "default",
            ["amount"] = order.Amount.ToJson(),
            ["payee"] = new { merchant_id = PayeeMerchantId, email_address = "merchant@sandbox.paypal.test" },
            ["description"] = order.Description,
            ["custom_id"] = order.CustomId,
            ["invoice_id"] = order.InvoiceId,
        };
        if (order.Capture is { } capture)
        {
            unit["payments"] = new
            {
                captures = new[] { Capture(order, capture) },
                refunds = order.Refunds.Count == 0 ? null : order.Refunds.Select(r => Refund(order, r)).ToArray(),
            };
        }

        return new Dictionary<string, object?>
        {
            ["id"] = order.Id,
            ["intent"] = "CAPTURE",
            ["status"] = order.Status,
            ["payment_source"] = new
            {
                paypal = order.PayerId is null ? null : new { account_id = order.PayerId, email_address = PayerEmail, name = NameOf(order), address = new { country_code = PayerCountry } },
            },
            ["purchase_units"] = new[] { unit },
            ["payer"] = order.PayerId is null ? null : new { name = NameOf(order), email_address = PayerEmail, payer_id = order.PayerId, address = new { country_code = PayerCountry } },
            ["create_time"] = Time(order.CreatedAt),
            ["update_time"] = Time(order.UpdatedAt),
            ["links"] = links,
        };
    }

    private static object? NameOf(PayPalOrder order) =>
        order.PayerName is { } name ? new { given_name = name.GivenName, surname = name.Surname } : null;

    public static object Capture(PayPalOrder order, PayPalCapture capture)
    {
        var self = new Uri(order.SandboxBase, $"v2/payments/captures/{capture.Id}").AbsoluteUri;
        var fee = new PayPalMoney(capture.Amount.CurrencyCode, capture.FeeMinor);
        return new Dictionary<string, object?>
        {
            ["id"] = capture.Id,
            ["status"] = capture.Status,
            ["amount"] = capture.Amount.ToJson(),
            ["final_capture"] = true,
            ["seller_protection"] = new { status = "ELIGIBLE" },
            ["seller_receivable_breakdown"] = new
            {
                gross_amount = capture.Amount.ToJson(),
                paypal_fee = fee.ToJson(),
                net_amount = (capture.Amount with { Minor = capture.Amount.Minor - fee.Minor }).ToJson(),
            },
            ["invoice_id"] = order.InvoiceId,
            ["custom_id"] = order.CustomId,
            ["payee"] = new { merchant_id = PayeeMerchantId },
            ["supplementary_data"] = new { related_ids = new { order_id = order.Id } },
            ["create_time"] = Time(capture.CreatedAt),
            ["update_time"] = Time(capture.UpdatedAt),
            ["links"] = new[]
            {
                Link(self, "self", "GET"),
                Link(self + "/refund", "refund", "POST"),
                Link(new Uri(order.SandboxBase, $"v2/checkout/orders/{order.Id}").AbsoluteUri, "up", "GET"),
            },
        };
    }

    public static object Refund(PayPalOrder order, PayPalRefundRecord refund) => new Dictionary<string, object?>
    {
        ["id"] = refund.Id,
        ["amount"] = refund.Amount.ToJson(),
        ["invoice_id"] = refund.InvoiceId,
        ["custom_id"] = refund.CustomId,
        ["note_to_payer"] = refund.NoteToPayer,
        ["status"] = refund.Status,
        ["create_time"] = Time(refund.CreatedAt),
        ["update_time"] = Time(refund.CreatedAt),
        ["links"] = new[]
        {
            Link(new Uri(order.SandboxBase, $"v2/payments/refunds/{refund.Id}").AbsoluteUri, "self", "GET"),
            Link(new Uri(order.SandboxBase, $"v2/payments/captures/{order.Capture!.Id}").AbsoluteUri, "up", "GET"),
        },
    };

    /// <summary>PayPal's error body: name, message, debug id and the issue in details.</summary>
    public static IResult Error(int status, string name, string message, string? issue = null) =>
        Results.Json(
            new
            {
                name,
                message,
                debug_id = PayPalOrder.NewId(13).ToLowerInvariant(),
                details = issue is null ? null : new[] { new { issue, description = message } },
            },
            SandboxJson.Options,
            statusCode: status);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private const string PayeeMerchantId = "7KNGBPH2U58GQ";

    private static object Link(string href, string rel, string method) => new { href, rel, method };
}
