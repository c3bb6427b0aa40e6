using System.Globalization;
using System.Text.Json.Nodes;
using static ChannelSandbox.Stripe.StripeRequests;

namespace ChannelSandbox.Stripe;

/// <summary>
/// The part of Stripe's API the platform's adapter calls (docs.stripe.com/api): Checkout Sessions (create, retrieve with
/// <c>expand</c>, expire), PaymentIntents (retrieve, capture, cancel) and refunds (create, list, retrieve).
/// </summary>
public static class StripeApi
{
    private const long MinutesInDay = 24 * 60;

    public static void MapStripeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/checkout/sessions", (HttpContext c, StripeRequests r, StripeStore s, TimeProvider t) => r.HandleAsync(c, (p, b) => CreateSession(p, b, s, t)));
        app.MapGet("/v1/checkout/sessions/{id}", (string id, HttpContext c, StripeRequests r, StripeStore s, TimeProvider t) =>
            r.HandleAsync(c, (p, b) => s.Session(id) is { } session ? Ok(StripeObjects.Session(session, b, Expand(p), t.GetUtcNow())) : NoSuch("checkout.session", id)));
        app.MapPost("/v1/checkout/sessions/{id}/expire", (string id, HttpContext c, StripeRequests r, StripeStore s, StripePayments pay, TimeProvider t) =>
            r.HandleAsync(c, (p, b) => ExpireSession(id, b, s, pay, t)));
        app.MapGet("/v1/payment_intents/{id}", (string id, HttpContext c, StripeRequests r, StripeStore s) =>
            r.HandleAsync(c, (p, _) => s.PaymentIntent(id) is { } intent ? Ok(StripeObjects.PaymentIntent(intent, Expand(p).Contains("latest_charge"))) : NoSuch("payment_intent", id)));
        app.MapPost("/v1/payment_intents/{id}/capture", (string id, HttpContext c, StripeRequests r, StripeStore s, StripePayments pay) =>
            r.HandleAsync(c, (p, _) => Capture(id, p, s, pay)));
        app.MapPost("/v1/payment_intents/{id}/cancel", (string id, HttpContext c, StripeRequests r, StripeStore s, StripePayments pay) =>
            r.HandleAsync(c, (p, _) => CancelIntent(id, p, s, pay)));
        app.MapPost("/v1/refunds", (HttpContext c, StripeRequests r, StripeStore s, StripePayments pay) => r.HandleAsync(c, (p, _) => CreateRefund(p, s, pay)));
        app.MapGet("/v1/refunds", (HttpContext c, StripeRequests r, StripeStore s) => r.HandleAsync(c, (p, _) => ListRefunds(p, s)));
    }

    private static Answer CreateSession(JsonObject p, Uri apiBase, StripeStore store, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (Text(p, "mode") != "payment")
        {
            return Invalid("mode", "This simulator serves Checkout in payment mode only.");
        }

        if (p["line_items"] is not JsonArray { Count: 1 } items || items[0] is not JsonObject item || Text(item, "quantity") != "1"
            || item["price_data"] is not JsonObject price || price["product_data"] is not JsonObject product)
        {
            return Invalid("line_items", "Send exactly one line item with price_data, product_data and quantity 1.");
        }

        var currency = Text(price, "currency");
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterLower))
        {
            return Invalid("line_items[0][price_data][currency]", "Invalid currency: must be a lower-case three-letter ISO code.");
        }

        if (!long.TryParse(Text(price, "unit_amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount is < 1 or > 99_999_999)
        {
            return Invalid("line_items[0][price_data][unit_amount]", "unit_amount must be an integer from 1 to 99999999 in the smallest currency unit.");
        }

        if (Text(product, "name") is not { Length: > 0 } name)
        {
            return Invalid("line_items[0][price_data][product_data][name]", "Missing required param: line_items[0][price_data][product_data][name].");
        }

        if (!Uri.TryCreate(Text(p, "success_url"), UriKind.Absolute, out var successUrl))
        {
            return Invalid("success_url", "Not a valid URL");
        }

        var intentData = p["payment_intent_data"] as JsonObject ?? [];
        var captureMethod = Text(intentData, "capture_method") ?? "automatic";
        if (captureMethod is not ("automatic" or "automatic_async" or "manual"))
        {
            return Invalid("payment_intent_data[capture_method]", "Invalid capture_method.");
        }

        var expiresAt = now.AddHours(24);
        if (Text(p, "expires_at") is { } expires)
        {
            if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
                || (DateTimeOffset.FromUnixTimeSeconds(unix) - now).TotalMinutes is var minutes && (minutes < 30 || minutes > MinutesInDay))
            {
                return Invalid("expires_at", "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.");
            }

            expiresAt = DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        var session = new StripeSession
        {
            Id = StripeStore.NewId("cs_test_"),
            ClientReferenceId = Text(p, "client_reference_id"),
            Amount = amount,
            Currency = currency,
            ProductName = name,
            Metadata = Metadata(p),
            PaymentIntentMetadata = Metadata(intentData),
            PaymentIntentDescription = Text(intentData, "description"),
            CaptureMethod = captureMethod == "manual" ? "manual" : "automatic",
            SuccessUrl = successUrl.AbsoluteUri,
            CancelUrl = Text(p, "cancel_url"),
            Created = now,
            ExpiresAt = expiresAt,
        };
        store.Add(session);
        return Ok(StripeObjects.Session(session, apiBase, new HashSet<string>(), now));
    }

    private static Answer ExpireSession(string id, Uri apiBase, StripeStore store, StripePayments payments, TimeProvider time)
    {
        if (store.Session(id) is not { } session)
        {
            return NoSuch("checkout.session", id);
        }

        return payments.Expire(session, apiBase)
            ? Ok(StripeObjects.Session(session, apiBase, new HashSet<string>(), time.GetUtcNow()))
            : Error(StatusCodes.Status400BadRequest, "invalid_request_error", "checkout_session_not_expirable", $"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session.Status}\".");
    }

    private static Answer Capture(string id, JsonObject p, StripeStore store, StripePayments payments)
    {
        if (store.PaymentIntent(id) is not { } intent)
        {
            return NoSuch("payment_intent", id);
        }

        var amount = intent.AmountCapturable;
        if (Text(p, "amount_to_capture") is { } text && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out amount))
        {
            return Invalid("amount_to_capture", "Invalid integer: " + text);
        }

        return payments.Capture(intent, amount)
            ? Ok(StripeObjects.PaymentIntent(intent, expandCharge: false))
            : UnexpectedState(intent, "capture");
    }

    private static Answer CancelIntent(string id, JsonObject p, StripeStore store, StripePayments payments)
    {
        if (store.PaymentIntent(id) is not { } intent)
        {
            return NoSuch("payment_intent", id);
        }

        return payments.Cancel(intent, Text(p, "cancellation_reason") ?? "requested_by_customer")
            ? Ok(StripeObjects.PaymentIntent(intent, expandCharge: false))
            : UnexpectedState(intent, "cancel");
    }

    private static Answer CreateRefund(JsonObject p, StripeStore store, StripePayments payments)
    {
        if (Text(p, "payment_intent") is not { } id)
        {
            return Invalid("payment_intent", "One of the following params should be provided for this request: payment_intent or charge.");
        }

        if (store.PaymentIntent(id) is not { } intent)
        {
            return NoSuch("payment_intent", id);
        }

        long? amount = null;
        if (Text(p, "amount") is { } text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Invalid("amount", "Invalid integer: " + text);
            }

            amount = parsed;
        }

        var (refund, error) = payments.Refund(intent, amount, Metadata(p));
        return refund is not null
            ? Ok(StripeObjects.Refund(refund))
            : Error(StatusCodes.Status400BadRequest, "invalid_request_error", error!.Contains("already", StringComparison.Ordinal) ? "charge_already_refunded" : "amount_too_large", error, "amount");
    }

    private static Answer ListRefunds(JsonObject p, StripeStore store)
    {
        if (Text(p, "payment_intent") is not { } id || store.PaymentIntent(id) is not { } intent)
        {
            return Invalid("payment_intent", "This simulator lists refunds of one payment_intent.");
        }

        var limit = int.TryParse(Text(p, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 100) : 10;
        return Ok(StripeObjects.List("/v1/refunds", store.RefundsOf(intent).Take(limit).Select(StripeObjects.Refund)));
    }

    private static Answer UnexpectedState(StripePaymentIntent intent, string action) =>
        Error(
            StatusCodes.Status400BadRequest,
            "invalid_request_error",
            "payment_intent_unexpected_state",
            $"You cannot {action} this PaymentIntent because it has a status of {intent.Status}.");

    private static Answer Invalid(string param, string message) =>
        Error(StatusCodes.Status400BadRequest, "invalid_request_error", "parameter_invalid", message, param);

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Dictionary<string, string> Metadata(JsonObject node) =>
        node["metadata"] is JsonObject metadata
            ? metadata.Where(pair => pair.Value is JsonValue).ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal)
            : [];

    private static HashSet<string> Expand(JsonObject p) =>
        p["expand"] is JsonArray expand
            ? [.. expand.OfType<JsonValue>().Select(v => v.GetValue<string>()).SelectMany(path => new[] { path, path.Split('.')[0] })]
            : [];
}
