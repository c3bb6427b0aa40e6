using System.Text.RegularExpressions;

namespace ChannelSandbox.PayPal;

/// <summary>
/// What the payer and PayPal do in real life, on demand, under <c>/sandbox/paypal/</c>: approve an order without a
/// browser (<c>{"notify": false}</c> loses every webhook about it; <c>given_name</c> and <c>surname</c> name the payer), resend its latest webhook, show it and its
/// deliveries, point the app's webhook listener elsewhere (the dashboard's setting), inject faults, and download the
/// settlement report. {order} is PayPal's order id or the merchant's invoice id (the platform's payment id).
/// </summary>
public static partial class PayPalControlApi
{
    private const int MaxResends = 100;
    private const int MaxFaults = 100;

    /// <summary>PayPal's limit on <c>given_name</c> and on <c>surname</c>.</summary>
    private const int MaxNamePart = 140;

    public static void MapPayPalSandboxControl(this IEndpointRouteBuilder app)
    {
        var order = app.MapGroup("/sandbox/paypal/orders/{order}");
        order.MapGet("/", (string order, PayPalStore store) => Find(store, order) is { } found ? Results.Json(View(found), SandboxJson.Options) : NotFound());
        order.MapPost("/pay", PayAsync);
        order.MapPost("/notifications/resend", ResendAsync);
        order.MapGet("/notifications", (string order, PayPalStore store) =>
            Find(store, order) is { } found ? Results.Json(found.Deliveries(), SandboxJson.Options) : NotFound());

        app.MapGet("/sandbox/paypal/webhook", (PayPalWebhooks webhooks) => Results.Json(new { url = webhooks.ListenerUrl }, SandboxJson.Options));
        app.MapPut("/sandbox/paypal/webhook", SetListenerAsync);
        app.MapPost("/sandbox/paypal/faults", AddFaultAsync);
        app.MapGet("/sandbox/paypal/faults", (PayPalFaults faults) => Results.Json(new { pending = faults.View() }, SandboxJson.Options));
        app.MapDelete("/sandbox/paypal/faults", (PayPalFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        app.MapGet("/sandbox/paypal/reports/settlement", (PayPalStore store, TimeProvider time) =>
            Results.Text(PayPalSettlementFile.Write(store.Orders(), time.GetUtcNow()), "text/csv; charset=utf-8"));
    }

    private static async Task<IResult> PayAsync(string order, HttpRequest request, PayPalStore store, PayPalWebhooks webhooks, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<PayCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || command?.GivenName is { Length: 0 or > MaxNamePart } || command?.Surname is { Length: 0 or > MaxNamePart })
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", "Expected {\"notify\": bool, \"given_name\": 1 to 140 characters, \"surname\": 1 to 140 characters}.");
        }

        if (Find(store, order) is not { } found)
        {
            return NotFound();
        }

        var name = (command?.GivenName ?? PayPalCheckoutPage.DefaultPayerName.GivenName, command?.Surname ?? PayPalCheckoutPage.DefaultPayerName.Surname);
        return PayPalCheckoutPage.Approve(found, command?.Notify ?? true, name, webhooks, time)
            ? Results.Json(View(found), SandboxJson.Options)
            : Problem(StatusCodes.Status409Conflict, "ORDER_NOT_APPROVABLE", $"The order is {found.Status}.");
    }

    private static async Task<IResult> ResendAsync(string order, HttpRequest request, PayPalStore store, PayPalWebhooks webhooks)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<ResendCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || times is < 1 or > MaxResends)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", $"Expected {{\"times\": 1..{MaxResends}, \"concurrent\": bool}}.");
        }

        if (Find(store, order) is not { } found)
        {
            return NotFound();
        }

        if (found.LastEvent is not { } last)
        {
            return Problem(StatusCodes.Status409Conflict, "NO_EVENT", "Nothing has happened to the order that PayPal would notify.");
        }

        webhooks.Resend(found, last, times, command?.Concurrent ?? false);
        return Results.Json(new { order_id = found.Id, event_type = last.EventType, queued = times }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> SetListenerAsync(HttpRequest request, PayPalWebhooks webhooks)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<ListenerCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || !Uri.TryCreate(command?.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", "Expected {\"url\": an absolute http(s) URL}.");
        }

        webhooks.ListenerUrl = url.AbsoluteUri;
        return Results.Json(new { url = webhooks.ListenerUrl }, SandboxJson.Options);
    }

    private static async Task<IResult> AddFaultAsync(HttpRequest request, PayPalFaults faults)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<FaultCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || command?.Kind is not { } kind || !PayPalFaults.Kinds.Contains(kind) || times is < 1 or > MaxFaults)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", $"Expected {{\"kind\": {string.Join('|', PayPalFaults.Kinds)}, \"times\": 1..{MaxFaults}}}.");
        }

        faults.Add(new PayPalFault(kind), times);
        return Results.Json(new { pending = faults.View() }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static PayPalOrder? Find(PayPalStore store, string order) => OrderKey().IsMatch(order) ? store.Find(order) : null;

    private static object View(PayPalOrder order)
    {
        lock (order.Gate)
        {
            var deliveries = order.Deliveries();
            return new
            {
                id = order.Id,
                invoice_id = order.InvoiceId,
                status = order.Status,
                amount = order.Amount.Minor,
                currency = order.Amount.CurrencyCode,
                capture_id = order.Capture?.Id,
                capture_status = order.Capture?.Status,
                refunds = order.Refunds.Select(r => new { id = r.Id, invoice_id = r.InvoiceId, amount = r.Amount.Minor }).ToArray(),
                webhooks_lost = order.WebhooksLost,
                deliveries = deliveries.Count,
                acknowledged = deliveries.Any(d => d.Acknowledged),
            };
        }
    }

    private static IResult NotFound() => Problem(StatusCodes.Status404NotFound, "RESOURCE_NOT_FOUND", "No such order.");

    private static IResult Problem(int status, string code, string message) =>
        Results.Json(new { code, message }, SandboxJson.Options, statusCode: status);

    [GeneratedRegex("^[0-9A-Za-z_-]{8,64}$")]
    private static partial Regex OrderKey();

    private sealed record PayCommand(bool? Notify, string? GivenName, string? Surname);

    private sealed record ResendCommand(int? Times, bool? Concurrent);

    private sealed record ListenerCommand(string? Url);

    private sealed record FaultCommand(string? Kind, int? Times);
}
