namespace ChannelSandbox.Alipay;

/// <summary>
/// What the payer and the network do in real life, on demand: scan, pay, duplicate a notification, misbehave;
/// and what Alipay sees and sent.
/// </summary>
public static class AlipayControlApi
{
    private const int MaxResends = 100;

    public static void MapAlipaySandboxControl(this IEndpointRouteBuilder app)
    {
        var order = app.MapGroup("/sandbox/alipay/orders/{out_trade_no}");
        order.MapGet("/", Show);
        order.MapPost("/scan", Scan);
        order.MapPost("/pay", PayAsync);
        order.MapPost("/notifications/resend", ResendAsync);
        order.MapGet("/notifications", (string out_trade_no, AlipayTradeStore trades) =>
            trades.Find(out_trade_no) is { } found ? Results.Json(found.Deliveries(), SandboxJson.Options) : NotFound());

        var faults = app.MapGroup("/sandbox/alipay/faults");
        faults.MapPost("/", AddFaultAsync);
        faults.MapGet("/", (AlipayFaults pending) => Results.Json(pending.Pending(), SandboxJson.Options));
        faults.MapDelete("/", (AlipayFaults pending) =>
        {
            pending.Clear();
            return Results.NoContent();
        });
    }

    private static IResult Show(string out_trade_no, AlipayTradeStore trades, TimeProvider time)
    {
        if (trades.Find(out_trade_no) is not { } trade)
        {
            return NotFound();
        }

        trade.Touch(time.GetUtcNow());
        return Results.Json(View(trade), SandboxJson.Options);
    }

    private static IResult Scan(string out_trade_no, AlipayTradeStore trades, TimeProvider time)
    {
        if (trades.Find(out_trade_no) is not { } trade)
        {
            return NotFound();
        }

        return trade.Scan(time.GetUtcNow()) == TradeOutcome.Done
            ? Results.Json(View(trade), SandboxJson.Options)
            : Problem(StatusCodes.Status409Conflict, "TRADE_CLOSED", "The trade is closed or expired.");
    }

    private static async Task<IResult> PayAsync(
        string out_trade_no,
        HttpRequest request,
        AlipayTradeStore trades,
        AlipayNotificationFactory factory,
        AlipayNotificationQueue queue,
        TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<PayCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || command?.DelayMs < 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", "Expected {\"notify\": bool, \"delay_ms\": int >= 0}.");
        }

        if (trades.Find(out_trade_no) is not { } trade)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        var notify = command?.Notify ?? true;
        switch (trade.Pay(now, notify ? factory.Create : null))
        {
            case TradeOutcome.Closed:
                return Problem(StatusCodes.Status409Conflict, "TRADE_CLOSED", "The trade is closed or expired.");
            case TradeOutcome.AlreadyPaid:
                return Problem(StatusCodes.Status409Conflict, "TRADE_HAS_SUCCESS", "The trade is already paid.");
        }

        if (notify)
        {
            AlipayTradeMethods.Notify(trade, queue, now + TimeSpan.FromMilliseconds(command?.DelayMs ?? 0), "payment");
        }

        return Results.Json(View(trade), SandboxJson.Options);
    }

    private static async Task<IResult> ResendAsync(string out_trade_no, HttpRequest request, AlipayTradeStore trades, AlipayNotificationQueue queue, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<ResendCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || times is < 1 or > MaxResends)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", $"Expected {{\"times\": 1..{MaxResends}, \"concurrent\": bool}}.");
        }

        if (trades.Find(out_trade_no) is not { } trade)
        {
            return NotFound();
        }

        if (trade.LatestNotification() is not { } notification || trade.Terms.NotifyUrl is null)
        {
            return Problem(StatusCodes.Status409Conflict, "NO_NOTIFICATION", "The trade has no notification to resend.");
        }

        var now = time.GetUtcNow();
        if (command?.Concurrent ?? false)
        {
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(new AlipayNotificationJob(trade, notification, now, "resend", RetriesDone: null));
            }
        }
        else
        {
            queue.Enqueue(new AlipayNotificationJob(trade, notification, now, "resend", RetriesDone: null, Repeat: times));
        }

        return Results.Json(new { notify_id = notification.NotifyId, queued = times }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> AddFaultAsync(HttpRequest request, AlipayFaults faults)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<FaultCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || command?.Fault is not { } kind || !AlipayFaults.Kinds.Contains(kind) || command.Times is < 1 or > MaxResends || command.DelayMs < 0)
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                "INVALID_BODY",
                $"Expected {{\"fault\": one of {string.Join(", ", AlipayFaults.Kinds)}, \"method\": \"alipay.trade.…\" (optional), \"times\": 1..{MaxResends}, \"delay_ms\": int}}.");
        }

        faults.Add(new AlipayFault(kind, command.Method, command.DelayMs ?? 10_000), command.Times ?? 1);
        return Results.Json(faults.Pending(), SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static object View(AlipayTrade trade)
    {
        var deliveries = trade.Deliveries();
        return new
        {
            out_trade_no = trade.Terms.OutTradeNo,
            product_code = trade.Terms.Product,
            visible = trade.Visible,
            trade_status = trade.Status,
            trade_no = trade.TradeNo,
            qr_code = trade.QrCode,
            total_amount = AlipayCrypto.Yuan(trade.Terms.TotalFen),
            refunded_amount = AlipayCrypto.Yuan(trade.RefundedFen),
            subject = trade.Terms.Subject,
            notify_url = trade.Terms.NotifyUrl,
            return_url = trade.Terms.ReturnUrl,
            created_at = AlipayCrypto.Time(trade.CreatedAt),
            expires_at = AlipayCrypto.Time(trade.ExpiresAt),
            paid_at = trade.PaidAt is { } paidAt ? AlipayCrypto.Time(paidAt) : null,
            refunds = trade.Refunds().Select(refund => new { out_request_no = refund.OutRequestNo, amount = AlipayCrypto.Yuan(refund.Fen), at = AlipayCrypto.Time(refund.At) }),
            notifications = trade.Notifications().Select(notification => new { notify_id = notification.NotifyId, kind = notification.Kind }),
            deliveries = deliveries.Count,
            acknowledged = deliveries.Any(delivery => delivery.Acknowledged),
        };
    }

    private static IResult NotFound() => Problem(StatusCodes.Status404NotFound, "TRADE_NOT_EXIST", "No such out_trade_no.");

    private static IResult Problem(int status, string code, string message) =>
        Results.Json(new { code, message }, SandboxJson.Options, statusCode: status);

    private sealed record PayCommand(bool? Notify, int? DelayMs);

    private sealed record ResendCommand(int? Times, bool? Concurrent);

    private sealed record FaultCommand(string? Fault, string? Method, int? Times, int? DelayMs);
}
