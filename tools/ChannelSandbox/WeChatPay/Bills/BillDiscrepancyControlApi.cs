using ChannelSandbox.Statements;
using System.Globalization;
using System.Text.RegularExpressions;
using static ChannelSandbox.Statements.BillDiscrepancyWire;

namespace ChannelSandbox.WeChatPay.Bills;

/// <summary>
/// Differences between a day's trade bill and what the sandbox processed, on demand, for reconciliation to find:
/// <c>POST /sandbox/wechat_pay/bill/discrepancies</c> adds one, <c>DELETE ...?bill_date=</c> clears a day's.
/// </summary>
public static partial class BillDiscrepancyControlApi
{
    private static readonly string Usage =
        $"Expected {{\"bill_date\": \"yyyy-MM-dd\", \"kind\": one of {string.Join(", ", Kinds.Keys)}, \"out_trade_no\" or \"out_refund_no\" of a line of that day "
        + $"(for unknown: an optional new out_trade_no), \"amount\": 1..{MaxAmount} fen (amount, unknown), \"fee\": fen (fee)}}.";

    public static void MapWeChatPayBillControl(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sandbox/wechat_pay/bill/discrepancies", AddAsync);
        app.MapDelete("/sandbox/wechat_pay/bill/discrepancies", (HttpRequest request, BillDiscrepancies discrepancies) =>
        {
            if (!TryDay(request.Query["bill_date"].ToString(), out var day))
            {
                return SandboxControlApi.Problem(StatusCodes.Status400BadRequest, "INVALID_BILL_DATE", "Expected ?bill_date=yyyy-MM-dd.");
            }

            discrepancies.Clear(day);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> AddAsync(HttpRequest request, BillDiscrepancies discrepancies, TradeBills bills, OrderStore orders)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<DiscrepancyCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || command is null || !TryDay(command.BillDate, out var day) || command.Kind is null || !Kinds.TryGetValue(command.Kind, out var kind)
            || Invalid(command, kind))
        {
            return SandboxControlApi.Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", Usage);
        }

        BillDiscrepancy discrepancy;
        if (kind == BillDiscrepancyKind.Unknown)
        {
            var outTradeNo = command.OutTradeNo ?? "UNKNOWN" + WeChatPayCrypto.RandomDigits(20);
            if (orders.Find(outTradeNo) is not null)
            {
                return SandboxControlApi.Problem(StatusCodes.Status409Conflict, "ORDER_EXISTS", "An unknown line needs an out_trade_no the sandbox never saw.");
            }

            var transactionId = "4200" + WeChatPayCrypto.RandomDigits(6) + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + WeChatPayCrypto.RandomDigits(10);
            discrepancy = new BillDiscrepancy(day, kind, outTradeNo, command.Amount ?? DefaultUnknownAmount, TransactionId: transactionId);
        }
        else
        {
            var key = command.OutRefundNo ?? command.OutTradeNo!;
            if (bills.Processed(day, null).FirstOrDefault(line => line.Key == key) is not { } line)
            {
                return SandboxControlApi.Problem(StatusCodes.Status404NotFound, "LINE_NOT_ON_BILL", $"No payment or refund {key} was processed on {command.BillDate} (Beijing time).");
            }

            // By default a changed value is one fen off, the smallest difference a reconciliation must still see.
            var amount = kind == BillDiscrepancyKind.Amount ? command.Amount ?? (line.IsRefund ? line.RequestedRefund : line.Total) + 1 : (long?)null;
            var fee = kind == BillDiscrepancyKind.Fee ? command.Fee ?? line.Fee + (line.IsRefund ? -1 : 1) : (long?)null;
            discrepancy = new BillDiscrepancy(day, kind, key, amount, fee);
        }

        if (!discrepancies.TryAdd(discrepancy))
        {
            return SandboxControlApi.Problem(StatusCodes.Status400BadRequest, "TOO_MANY", $"A day holds at most {BillDiscrepancies.MaxPerDay} discrepancies.");
        }

        var isRefund = command.OutRefundNo is not null;
        return Results.Json(
            new
            {
                bill_date = command.BillDate,
                kind = command.Kind,
                out_trade_no = isRefund ? null : discrepancy.Key,
                out_refund_no = isRefund ? discrepancy.Key : null,
                transaction_id = discrepancy.TransactionId,
                amount = discrepancy.Amount,
                fee = discrepancy.Fee,
            },
            SandboxJson.Options,
            statusCode: StatusCodes.Status202Accepted);
    }

    private static bool Invalid(DiscrepancyCommand command, BillDiscrepancyKind kind)
    {
        var targets = (command.OutTradeNo is null ? 0 : 1) + (command.OutRefundNo is null ? 0 : 1);
        return (kind == BillDiscrepancyKind.Unknown ? command.OutRefundNo is not null : targets != 1)
            || (command.OutTradeNo is { } outTradeNo && !OrderNumber().IsMatch(outTradeNo))
            || (command.OutRefundNo is { } outRefundNo && !RefundNumber().IsMatch(outRefundNo))
            || (command.Amount is not null && (kind is not (BillDiscrepancyKind.Amount or BillDiscrepancyKind.Unknown) || command.Amount is < 1 or > MaxAmount))
            || (command.Fee is not null && (kind != BillDiscrepancyKind.Fee || command.Fee is < -MaxAmount or > MaxAmount));
    }

    // The documented character sets: out_trade_no 6-32 of [0-9A-Za-z_-|*], out_refund_no 1-64 of [0-9A-Za-z_-|*@].
    [GeneratedRegex(@"^[0-9A-Za-z_\-|*]{6,32}$")]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"^[0-9A-Za-z_\-|*@]{1,64}$")]
    private static partial Regex RefundNumber();

    private sealed record DiscrepancyCommand(string? BillDate, string? Kind, string? OutTradeNo, string? OutRefundNo, long? Amount, long? Fee);
}
