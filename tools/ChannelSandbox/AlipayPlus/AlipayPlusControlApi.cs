namespace ChannelSandbox.AlipayPlus;

/// <summary>
/// What the payer and the network do in real life, on demand (under <c>/sandbox/alipay_plus/</c>, the channel's name): pay
/// without a browser, duplicate a notification, misbehave; and what Alipay+ holds and sent.
/// </summary>
public static class AlipayPlusControlApi
{
    private const int MaxResends = 100;

    public static void MapAlipayPlusControl(this IEndpointRouteBuilder app)
    {
        var order = app.MapGroup("/sandbox/alipay_plus/orders/{payment_request_id}");
        order.MapGet("/", (string payment_request_id, AlipayPlusStore store, TimeProvider time) =>
            store.Find(payment_request_id) is { } payment ? Results.Json(View(payment, time.GetUtcNow()), SandboxJson.Options) : NotFound());
        order.MapPost("/pay", PayAsync);
        order.MapPost("/notifications/resend", ResendAsync);
        order.MapGet("/notifications", (string payment_request_id, AlipayPlusStore store) =>
            store.Find(payment_request_id) is { } payment ? Results.Json(payment.Deliveries().Select(Delivery), SandboxJson.Options) : NotFound());

        var faults = app.MapGroup("/sandbox/alipay_plus/faults");
        faults.MapPost("/", AddFaultAsync);
        faults.MapGet("/", (AlipayPlusFaults pending) => Results.Json(pending.View(), SandboxJson.Options));
        faults.MapDelete("/", (AlipayPlusFaults pending) =>
        {
            pending.Clear();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> PayAsync(string payment_request_id, HttpRequest request, AlipayPlusStore store, AlipayPlusNotificationQueue queue, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<PayCommand>(request, request.HttpContext.RequestAborted);
        if (!valid)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", "Expected {\"notify\": bool}.");
        }

        if (store.Find(payment_request_id) is not { } payment)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        if (!payment.Pay(now))
        {
            return Problem(StatusCodes.Status409Conflict, "ORDER_STATUS_INVALID", $"The payment is {payment.Status}.");
        }

        if (command?.Notify ?? true)
        {
            AlipayPlusApi.Notify(payment, AlipayPlusNotifications.Payment(payment), queue, now);
        }

        return Results.Json(View(payment, now), SandboxJson.Options);
    }

    private static async Task<IResult> ResendAsync(string payment_request_id, HttpRequest request, AlipayPlusStore store, AlipayPlusNotificationQueue queue, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<ResendCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || times is < 1 or > MaxResends)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", $"Expected {{\"times\": 1..{MaxResends}, \"concurrent\": bool}}.");
        }

        if (store.Find(payment_request_id) is not { } payment)
        {
            return NotFound();
        }

        if (payment.LatestPaymentNotification() is not { } notification)
        {
            return Problem(StatusCodes.Status409Conflict, "NO_NOTIFICATION", "The payment has no notification to resend.");
        }

        // Concurrent copies go out at once, each on its own task; otherwise one after another.
        var now = time.GetUtcNow();
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(new AlipayPlusNotificationJob(payment, notification, (command?.Concurrent ?? false) ? now : now + TimeSpan.FromMilliseconds(100 * i), "resend", RetriesDone: null));
        }

        return Results.Json(new { queued = times }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> AddFaultAsync(HttpRequest request, AlipayPlusFaults faults)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<FaultCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || command?.Fault is not { } kind || !AlipayPlusFaults.Kinds.Contains(kind) || command.Times is < 1 or > MaxResends || command.DelayMs < 0)
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                "INVALID_BODY",
                $"Expected {{\"fault\": one of {string.Join(", ", AlipayPlusFaults.Kinds)}, \"api\": \"pay\"… (optional), \"times\": 1..{MaxResends}, \"delay_ms\": int}}.");
        }

        faults.Add(new AlipayPlusFault(kind, command.Api, command.DelayMs ?? 10_000), command.Times ?? 1);
        return Results.Json(faults.View(), SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static object View(AlipayPlusPayment payment, DateTimeOffset now)
    {
        var deliveries = payment.Deliveries();
        return new
        {
            payment_request_id = payment.Terms.PaymentRequestId,
            payment_id = payment.PaymentId,
            payment_method_type = payment.Terms.PaymentMethodType,
            payment_status = payment.StatusAt(now),
            currency = payment.Terms.Currency,
            value = payment.Terms.Value,
            paid_at = payment.PaidAt,
            refunds = payment.Refunds().Select(r => new { refund_request_id = r.RefundRequestId, refund_id = r.RefundId, value = r.Value, status = r.Status }),
            deliveries = deliveries.Count,
            acknowledged = deliveries.Any(d => d.Acknowledged),
        };
    }

    private static object Delivery(AlipayPlusDelivery delivery) => new
    {
        notify_type = delivery.NotifyType,
        reason = delivery.Reason,
        url = delivery.Url,
        body = delivery.Body,
        headers = delivery.Headers,
        sent_at = delivery.SentAt,
        status = delivery.Status,
        response = delivery.Response,
        error = delivery.Error,
        acknowledged = delivery.Acknowledged,
    };

    private static IResult NotFound() => Problem(StatusCodes.Status404NotFound, "ORDER_NOT_EXIST", "No such paymentRequestId.");

    private static IResult Problem(int status, string code, string message) => Results.Json(new { code, message }, SandboxJson.Options, statusCode: status);

    private sealed record PayCommand(bool? Notify);

    private sealed record ResendCommand(int? Times, bool? Concurrent);

    private sealed record FaultCommand(string? Fault, string? Api, int? Times, int? DelayMs);
}
