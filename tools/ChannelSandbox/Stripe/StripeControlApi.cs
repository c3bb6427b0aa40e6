using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChannelSandbox.Stripe;

/// <summary>
/// What the payer and the network do in real life, on demand, under <c>/sandbox/stripe/</c>: pay a session with a test card
/// (3-D Secure completed or failed as asked; <c>"notify": false</c> loses the webhook), resend the order's payment event,
/// inject faults, and show an order's session, PaymentIntent, refunds and webhook deliveries. {order} is the platform's
/// order number (the session's client_reference_id) or the session id.
/// </summary>
public static partial class StripeControlApi
{
    private const int MaxResends = 100;
    private const int MaxFaults = 100;

    public static void MapStripeSandboxControl(this IEndpointRouteBuilder app)
    {
        var order = app.MapGroup("/sandbox/stripe/orders/{order}");
        order.MapGet("/", (string order, StripeStore store) =>
            Find(store, order) is { } session ? Results.Json(View(session, store), SandboxJson.Options) : NotFound());
        order.MapPost("/pay", PayAsync);
        order.MapPost("/notifications/resend", ResendAsync);
        order.MapGet("/notifications", (string order, StripeStore store) =>
            Find(store, order) is { } session ? Results.Json(store.Deliveries(session.OrderKey), SandboxJson.Options) : NotFound());
        app.MapPost("/sandbox/stripe/faults", AddFaultAsync);
        app.MapGet("/sandbox/stripe/faults", (StripeFaults faults) => Results.Json(new { pending = faults.Pending() }, SandboxJson.Options));
        app.MapDelete("/sandbox/stripe/faults", (StripeFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> PayAsync(string order, HttpRequest request, StripeStore store, StripePayments payments, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<PayCommand>(request, request.HttpContext.RequestAborted);
        var card = StripeTestCards.Normalize(command?.Card ?? StripeTestCards.Succeeds);
        var challenge = command?.ThreeDSecure ?? "complete";
        if (!valid || challenge is not ("complete" or "fail"))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_body", "Expected {\"card\": test card number, \"three_d_secure\": \"complete\"|\"fail\", \"notify\": bool}.");
        }

        if (Find(store, order) is not { } session)
        {
            return NotFound();
        }

        if (!session.IsOpen(time.GetUtcNow()))
        {
            return Problem(StatusCodes.Status409Conflict, "session_not_open", $"The Checkout Session is {session.Status}.");
        }

        var notify = command?.Notify ?? true;
        var apiBase = new Uri($"{request.Scheme}://{request.Host}/");
        var attempt = payments.Confirm(session, card, apiBase, notify);
        if (attempt.RedirectTo is not null && session.PaymentIntent is { Status: "requires_action" } intent)
        {
            attempt = payments.Authenticate(intent, challenge == "complete", notify);
        }

        var view = View(session, store);
        view["error"] = attempt.Error;
        return Results.Json(view, SandboxJson.Options);
    }

    private static async Task<IResult> ResendAsync(string order, HttpRequest request, StripeStore store, StripeWebhooks webhooks)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<ResendCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || times is < 1 or > MaxResends)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_body", $"Expected {{\"times\": 1..{MaxResends}, \"concurrent\": bool}}.");
        }

        if (Find(store, order) is not { } session)
        {
            return NotFound();
        }

        if (webhooks.Latest(session.OrderKey, "payment_intent.succeeded", "payment_intent.amount_capturable_updated") is not { } stripeEvent)
        {
            return Problem(StatusCodes.Status409Conflict, "not_paid", "Only a paid or authorized order has a payment event to resend.");
        }

        webhooks.Resend(stripeEvent, times, command?.Concurrent ?? false);
        return Results.Json(new { order = session.OrderKey, @event = stripeEvent.Id, queued = times }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> AddFaultAsync(HttpRequest request, StripeFaults faults)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<FaultCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || command?.Kind is not { } kind || !StripeFaults.Kinds.Contains(kind) || times is < 1 or > MaxFaults)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_body", $"Expected {{\"kind\": {string.Join('|', StripeFaults.Kinds)}, \"times\": 1..{MaxFaults}}}.");
        }

        faults.Add(kind, times);
        return Results.Json(new { pending = faults.Pending() }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static StripeSession? Find(StripeStore store, string order) => OrderKey().IsMatch(order) ? store.SessionOfOrder(order) : null;

    private static JsonObject View(StripeSession session, StripeStore store)
    {
        var intent = session.PaymentIntent;
        var deliveries = store.Deliveries(session.OrderKey);
        return new JsonObject
        {
            ["order"] = session.OrderKey,
            ["session"] = session.Id,
            ["session_status"] = session.Status,
            ["amount"] = session.Amount,
            ["currency"] = session.Currency,
            ["capture_method"] = session.CaptureMethod,
            ["payment_intent"] = intent?.Id,
            ["payment_intent_status"] = intent?.Status,
            ["amount_received"] = intent?.AmountReceived,
            ["amount_refunded"] = intent?.Charge?.AmountRefunded,
            ["card_last4"] = intent?.Charge?.Last4,
            ["refunds"] = new JsonArray([.. (intent is null ? [] : store.RefundsOf(intent)).Select(r => (JsonNode)StripeObjects.Refund(r))]),
            ["deliveries"] = deliveries.Count,
            ["acknowledged"] = deliveries.Any(d => d.Acknowledged),
        };
    }

    private static IResult NotFound() => Problem(StatusCodes.Status404NotFound, "resource_missing", "No such order or Checkout Session.");

    private static IResult Problem(int status, string code, string message) =>
        Results.Json(new { code, message }, SandboxJson.Options, statusCode: status);

    [GeneratedRegex("^[0-9A-Za-z_]{8,80}$")]
    private static partial Regex OrderKey();

    private sealed record PayCommand(string? Card, string? ThreeDSecure, bool? Notify);

    private sealed record ResendCommand(int? Times, bool? Concurrent);

    private sealed record FaultCommand(string? Kind, int? Times);
}
