using System.Text.Json.Nodes;

namespace ChannelSandbox.Stripe;

/// <summary>The API's objects as Stripe writes them: <c>object</c> names the type, times are Unix seconds, an expandable field is an id unless expanded.</summary>
public static class StripeObjects
{
    public static JsonObject Session(StripeSession session, Uri apiBase, ISet<string> expand, DateTimeOffset now)
    {
        var open = session.IsOpen(now);
        var intent = session.PaymentIntent;
        return new JsonObject
        {
            ["id"] = session.Id,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = session.Amount,
            ["amount_total"] = session.Amount,
            ["cancel_url"] = session.CancelUrl,
            ["client_reference_id"] = session.ClientReferenceId,
            ["created"] = session.Created.ToUnixTimeSeconds(),
            ["currency"] = session.Currency,
            ["expires_at"] = session.ExpiresAt.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["metadata"] = Metadata(session.Metadata),
            ["mode"] = "payment",
            ["payment_intent"] = intent is null ? null
                : expand.Contains("payment_intent") ? PaymentIntent(intent, expand.Contains("payment_intent.latest_charge")) : (JsonNode)intent.Id,
            ["payment_method_types"] = new JsonArray("card"),
            ["payment_status"] = intent?.Status == "succeeded" ? "paid" : "unpaid",
            ["status"] = session.Status == "open" && !open ? "expired" : session.Status,
            ["success_url"] = session.SuccessUrl,
            ["ui_mode"] = "hosted_page",
            ["url"] = open ? new Uri(apiBase, "c/pay/" + session.Id).AbsoluteUri : null,
        };
    }

    public static JsonObject PaymentIntent(StripePaymentIntent intent, bool expandCharge)
    {
        var session = intent.Session;
        return new JsonObject
        {
            ["id"] = intent.Id,
            ["object"] = "payment_intent",
            ["amount"] = session.Amount,
            ["amount_capturable"] = intent.AmountCapturable,
            ["amount_received"] = intent.AmountReceived,
            ["canceled_at"] = intent.CanceledAt?.ToUnixTimeSeconds(),
            ["cancellation_reason"] = intent.CancellationReason,
            ["capture_method"] = session.CaptureMethod,
            ["created"] = intent.Created.ToUnixTimeSeconds(),
            ["currency"] = session.Currency,
            ["description"] = session.PaymentIntentDescription,
            ["last_payment_error"] = intent.LastError is { } error
                ? new JsonObject { ["type"] = error.Type, ["code"] = error.Code, ["decline_code"] = error.DeclineCode, ["message"] = error.Message }
                : null,
            ["latest_charge"] = intent.Charge is null ? null : expandCharge ? Charge(intent.Charge, intent) : (JsonNode)intent.Charge.Id,
            ["livemode"] = false,
            ["metadata"] = Metadata(session.PaymentIntentMetadata),
            ["next_action"] = intent.Status == "requires_action" && intent.ChallengeUrl is { } url
                ? new JsonObject
                {
                    ["type"] = "redirect_to_url",
                    ["redirect_to_url"] = new JsonObject { ["url"] = url, ["return_url"] = session.SuccessUrl },
                }
                : null,
            ["payment_method_types"] = new JsonArray("card"),
            ["status"] = intent.Status,
        };
    }

    public static JsonObject Charge(StripeCharge charge, StripePaymentIntent intent) => new()
    {
        ["id"] = charge.Id,
        ["object"] = "charge",
        ["amount"] = charge.Amount,
        ["amount_captured"] = charge.AmountCaptured,
        ["amount_refunded"] = charge.AmountRefunded,
        ["balance_transaction"] = charge.BalanceTransactionId,
        ["captured"] = charge.Captured,
        ["created"] = charge.Created.ToUnixTimeSeconds(),
        ["currency"] = intent.Session.Currency,
        ["livemode"] = false,
        ["metadata"] = Metadata(intent.Session.PaymentIntentMetadata),
        ["paid"] = true,
        ["payment_intent"] = intent.Id,
        ["payment_method_details"] = new JsonObject
        {
            ["type"] = "card",
            ["card"] = new JsonObject
            {
                ["brand"] = charge.Brand,
                ["country"] = StripeTestCards.IssuingCountry,
                ["fingerprint"] = charge.Fingerprint,
                ["funding"] = StripeTestCards.Funding,
                ["last4"] = charge.Last4,
            },
        },
        ["refunded"] = charge.AmountRefunded == charge.AmountCaptured && charge.Captured,
        ["status"] = "succeeded",
    };

    public static JsonObject Refund(StripeRefund refund) => new()
    {
        ["id"] = refund.Id,
        ["object"] = "refund",
        ["amount"] = refund.Amount,
        ["charge"] = refund.PaymentIntent.Charge?.Id,
        ["created"] = refund.Created.ToUnixTimeSeconds(),
        ["currency"] = refund.PaymentIntent.Session.Currency,
        ["metadata"] = Metadata(refund.Metadata),
        ["payment_intent"] = refund.PaymentIntent.Id,
        ["reason"] = null,
        ["status"] = refund.Status,
    };

    public static JsonObject List(string url, IEnumerable<JsonObject> data) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. data]),
        ["has_more"] = false,
        ["url"] = url,
    };

    private static JsonObject Metadata(Dictionary<string, string> metadata) =>
        new(metadata.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
}
