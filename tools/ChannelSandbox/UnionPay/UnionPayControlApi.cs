using System.Text.RegularExpressions;

namespace ChannelSandbox.UnionPay;

/// <summary>
/// What the payer and the network do in real life, on demand: pay a QR code or confirm a pending payment-code
/// consume (or fail it), resend a notification, inject failures, and show what UnionPay sees and sent.
/// {order} is the ACP orderId; the platform's number (e.g. "pay_0abc…") works too, its '_' dropped as ACP requires.
/// </summary>
public static partial class UnionPayControlApi
{
    private const int MaxResends = 100;
    private const int MaxFaults = 100;

    public static void MapUnionPaySandboxControl(this IEndpointRouteBuilder app)
    {
        var order = app.MapGroup("/sandbox/unionpay/orders/{order}");
        order.MapGet("/", Show);
        order.MapPost("/pay", PayAsync);
        order.MapPost("/notifications/resend", ResendAsync);
        order.MapGet("/notifications", (string order, UnionPayStore store) =>
            Find(store, order) is { } found ? Results.Json(found.Deliveries(), SandboxJson.Options) : NotFound());
        app.MapPost("/sandbox/unionpay/faults", AddFaultAsync);
        app.MapGet("/sandbox/unionpay/faults", (UnionPayFaults faults) => Results.Json(new { pending = faults.Pending() }, SandboxJson.Options));
        app.MapDelete("/sandbox/unionpay/faults", (UnionPayFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
    }

    private static IResult Show(string order, UnionPayStore store) =>
        Find(store, order) is { } found ? Results.Json(View(found), SandboxJson.Options) : NotFound();

    private static async Task<IResult> PayAsync(string order, HttpRequest request, UnionPayStore store, UnionPayNotifier notifier, TimeProvider time)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<PayCommand>(request, request.HttpContext.RequestAborted);
        var result = command?.Result ?? "success";
        if (!valid || result is not ("success" or UnionPayFaults.InsufficientBalance) || command?.DelayMs < 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", "Expected {\"result\": \"success\"|\"insufficient_balance\", \"notify\": bool, \"delay_ms\": int >= 0}.");
        }

        if (Find(store, order) is not { } transaction || transaction.TxnType != "01")
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        lock (transaction.Gate)
        {
            if (transaction.IsExpired(now))
            {
                return Problem(StatusCodes.Status409Conflict, "ORDER_EXPIRED", "The QR code's payTimeout has passed.");
            }

            if (transaction.State is not (TransactionState.AwaitingPayer or TransactionState.Pending))
            {
                return Problem(StatusCodes.Status409Conflict, "ORDER_FINISHED", $"The order already has its outcome ({transaction.ResultCode}).");
            }

            if (result == "success")
            {
                transaction.Succeed(now);
            }
            else
            {
                transaction.Fail("64", "卡上的余额不足", now);
            }
        }

        // UnionPay notifies successful consumes only; a failed payment is seen by query.
        if (result == "success" && (command?.Notify ?? true))
        {
            notifier.Notify(transaction, TimeSpan.FromMilliseconds(command?.DelayMs ?? 0));
        }

        return Results.Json(View(transaction), SandboxJson.Options);
    }

    private static async Task<IResult> ResendAsync(string order, HttpRequest request, UnionPayStore store, UnionPayNotifier notifier)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<ResendCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || times is < 1 or > MaxResends)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", $"Expected {{\"times\": 1..{MaxResends}, \"concurrent\": bool}}.");
        }

        if (Find(store, order) is not { } transaction)
        {
            return NotFound();
        }

        if (transaction.State != TransactionState.Succeeded)
        {
            return Problem(StatusCodes.Status409Conflict, "NOT_SUCCEEDED", "Only a successful transaction has a notification to resend.");
        }

        notifier.Resend(transaction, times, command?.Concurrent ?? false);
        return Results.Json(new { order_id = transaction.OrderId, queued = times }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> AddFaultAsync(HttpRequest request, UnionPayFaults faults)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<FaultCommand>(request, request.HttpContext.RequestAborted);
        var times = command?.Times ?? 1;
        if (!valid || command?.Kind is not { } kind || !UnionPayFaults.Kinds.Contains(kind) || times is < 1 or > MaxFaults)
        {
            return Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", $"Expected {{\"kind\": {string.Join('|', UnionPayFaults.Kinds)}, \"times\": 1..{MaxFaults}}}.");
        }

        faults.Add(kind, times);
        return Results.Json(new { pending = faults.Pending() }, SandboxJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static UnionPayTransaction? Find(UnionPayStore store, string order) =>
        OrderKey().IsMatch(order) ? store.Find(order.Replace("_", string.Empty, StringComparison.Ordinal)) : null;

    private static object View(UnionPayTransaction transaction)
    {
        var deliveries = transaction.Deliveries();
        return new
        {
            order_id = transaction.OrderId,
            txn_time = transaction.TxnTime,
            txn_type = transaction.TxnType,
            txn_sub_type = transaction.TxnSubType,
            txn_amt = transaction.Amount,
            state = transaction.State.ToString(),
            result_code = transaction.ResultCode,
            query_id = transaction.State == TransactionState.AwaitingPayer ? null : transaction.QueryId,
            qr_code = transaction.QrCode,
            back_url = transaction.BackUrl,
            reversed = transaction.Reversed,
            orig_query_id = transaction.Original?.QueryId,
            deliveries = deliveries.Count,
            acknowledged = deliveries.Any(delivery => delivery.Acknowledged),
        };
    }

    private static IResult NotFound() => Problem(StatusCodes.Status404NotFound, "ORDER_NOT_EXIST", "No such orderId.");

    private static IResult Problem(int status, string code, string message) =>
        Results.Json(new { code, message }, SandboxJson.Options, statusCode: status);

    [GeneratedRegex("^[0-9A-Za-z_]{8,48}$")]
    private static partial Regex OrderKey();

    private sealed record PayCommand(string? Result, bool? Notify, int? DelayMs);

    private sealed record ResendCommand(int? Times, bool? Concurrent);

    private sealed record FaultCommand(string? Kind, int? Times);
}
