using System.Globalization;
using ChannelSandbox.WeChatPay.Notifications;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// What the customer and the network do in real life, on demand: pay, fail, duplicate a notification, make the
/// next payment-code orders meet a fault, and show what the channel sees and sent.
/// </summary>
public static class SandboxControlApi
{
    private const int MaxResends = 100;

    private const string TimeoutKind = "timeout";
    private const string SignatureErrorKind = "signature_error";
    private const int DefaultTimeoutMs = 30_000;

    /// <summary>How far back a payment may be said to have completed: far enough to put it before yesterday's midnight.</summary>
    private static readonly TimeSpan MaxSuccessTimeAge = TimeSpan.FromDays(2);

    private static readonly Dictionary<string, CodePayFault> CodePayFaultKinds = new(StringComparer.Ordinal)
    {
        ["user_paying"] = CodePayFault.UserPaying,
        ["success"] = CodePayFault.Success,
        ["system_error"] = CodePayFault.SystemError,
        ["bank_error"] = CodePayFault.BankError,
        ["insufficient_balance"] = CodePayFault.InsufficientBalance,
    };

    public static void MapWeChatPaySandboxControl(this IEndpointRouteBuilder app)
    {
        var order = app.MapGroup("/sandbox/wechat_pay/orders/{out_trade_no}");
        order.MapGet("/", Show);
        order.MapPost("/pay", PayAsync);
        order.MapPost("/fail", Fail);
        order.MapPost("/notifications/resend", ResendAsync);
        order.MapGet("/notifications", (string out_trade_no, OrderStore orders) =>
            orders.Find(out_trade_no) is { } found ? Results.Json(found.Deliveries(), SandboxJson.Options) : NotFound());
        app.MapPost("/sandbox/wechat_pay/faults", FaultAsync);
    }

    private static async Task<IResult> FaultAsync(HttpRequest request, CodePayFaults codePayFaults, AnswerFaults answerFaults)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<FaultCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        var kind = command?.Kind ?? string.Empty;
        if (!valid || times is < 1 or > MaxResends || command?.DelayMs is < 0
            || (!CodePayFaultKinds.ContainsKey(kind) && kind is not (TimeoutKind or SignatureErrorKind)))
        {
            var kinds = string.Join(", ", CodePayFaultKinds.Keys.Append(TimeoutKind).Append(SignatureErrorKind));
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", $"Expected {{\"kind\": one of {kinds}, \"times\": 1..{MaxResends}, \"delay_ms\": int >= 0}}.");
        }

        switch (kind)
        {
            case TimeoutKind:
                answerFaults.Add(new AnswerFault(TimeSpan.FromMilliseconds(command?.DelayMs ?? DefaultTimeoutMs), BadSignature: false), times);
                break;
            case SignatureErrorKind:
                answerFaults.Add(new AnswerFault(TimeSpan.Zero, BadSignature: true), times);
                break;
            default:
                codePayFaults.Add(CodePayFaultKinds[kind], times);
                break;
        }

        return Results.Json(new { kind, times }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Show(string out_trade_no, OrderStore orders, TimeProvider time) =>
        orders.Find(out_trade_no) is { } order ? Results.Json(View(order, time.GetUtcNow()), SandboxJson.Options) : NotFound();

    private static async Task<IResult> PayAsync(
        string out_trade_no,
        HttpRequest request,
        OrderStore orders,
        NotificationFactory notifications,
        NotificationQueue queue,
        TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<PayCommand>(request, request.HttpContext.RequestAborted);
        var now = time.GetUtcNow();
        DateTimeOffset? successTime = null;
        if (command?.SuccessTime is { } text)
        {
            successTime = DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                && parsed <= now && parsed >= now - MaxSuccessTimeAge
                    ? parsed
                    : null;
            valid &= successTime is not null;
        }

        if (!valid || command?.DelayMs < 0)
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                "INVALID_BODY",
                "Expected {\"notify\": bool, \"delay_ms\": int >= 0, \"raced_close\": bool, \"success_time\": RFC 3339 within the last two days}.");
        }

        if (orders.Find(out_trade_no) is not { } order)
        {
            return NotFound();
        }

        var outcome = order.Pay(now, notifications.Create, command?.RacedClose ?? false, successTime);
        if (outcome != OrderOutcome.Done)
        {
            return Conflict(outcome);
        }

        if (order.Notification is not null && (command?.Notify ?? true))
        {
            var delay = TimeSpan.FromMilliseconds(command?.DelayMs ?? 0);
            queue.Enqueue(new NotificationJob(order, order.Notification!, now + delay, "payment", RetriesDone: 0));
        }

        return Results.Json(View(order, now), SandboxJson.Options);
    }

    private static IResult Fail(string out_trade_no, OrderStore orders, TimeProvider time)
    {
        if (orders.Find(out_trade_no) is not { } order)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        var outcome = order.Fail(now);
        return outcome == OrderOutcome.Done ? Results.Json(View(order, now), SandboxJson.Options) : Conflict(outcome);
    }

    private static async Task<IResult> ResendAsync(string out_trade_no, HttpRequest request, OrderStore orders, NotificationQueue queue, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<ResendCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || times is < 1 or > MaxResends)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", $"Expected {{\"times\": 1..{MaxResends}, \"concurrent\": bool}}.");
        }

        if (orders.Find(out_trade_no) is not { } order)
        {
            return NotFound();
        }

        if (order.Notification is not { } message)
        {
            return Problem(StatusCodes.Status409Conflict, "NOT_PAID", "Only a paid order has a notification to resend.");
        }

        var now = time.GetUtcNow();
        if (command?.Concurrent ?? false)
        {
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(new NotificationJob(order, message, now, "resend", RetriesDone: null));
            }
        }
        else
        {
            queue.Enqueue(new NotificationJob(order, message, now, "resend", RetriesDone: null, Repeat: times));
        }

        return Results.Json(new { notification_id = message.Id, queued = times }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static object View(Order order, DateTimeOffset now)
    {
        var deliveries = order.Deliveries();
        return new
        {
            out_trade_no = order.Request.OutTradeNo,
            trade_type = order.Request.TradeType.ToString(),
            sub_mchid = order.Request.SubMchId,
            trade_state = order.State(now).ToString(),
            code_url = order.Answer.CodeUrl,
            prepay_id = order.Answer.PrepayId,
            h5_url = order.Answer.H5Url,
            description = order.Request.Description,
            notify_url = order.Request.NotifyUrl,
            created_at = ChinaTime.Format(order.CreatedAt),
            expires_at = ChinaTime.Format(order.ExpiresAt),
            transaction = order.Transaction(now),
            notification_id = order.Notification?.Id,
            deliveries = deliveries.Count,
            acknowledged = deliveries.Any(delivery => delivery.Acknowledged),
            refunds = order.Refunds().Select(refund => refund.View()),
        };
    }

    private static IResult Conflict(OrderOutcome outcome) => outcome == OrderOutcome.Closed
        ? Problem(StatusCodes.Status409Conflict, "ORDER_CLOSED", "The order is closed or expired.")
        : Problem(StatusCodes.Status409Conflict, "ORDER_PAID", "The order is already paid.");

    internal static IResult NotFound() => Problem(StatusCodes.Status404NotFound, "ORDER_NOT_EXIST", "No such out_trade_no.");

    internal static IResult Problem(int status, string code, string message) => SandboxJson.Problem(status, code, message);

    /// <param name="SuccessTime">When the payer's payment completed, in the past (default now): a payment booked just before a midnight.</param>
    private sealed record PayCommand(bool? Notify, int? DelayMs, bool? RacedClose, string? SuccessTime);

    private sealed record ResendCommand(int? Times, bool? Concurrent);

    private sealed record FaultCommand(string? Kind, int? Times, int? DelayMs);
}
