using ChannelSandbox.Statements;
using System.Globalization;
using System.Text.RegularExpressions;
using static ChannelSandbox.Statements.BillDiscrepancyWire;

namespace ChannelSandbox.Alipay.Bills;

/// <summary>
/// Differences between a day's trade bill and what the sandbox processed, on demand, for reconciliation to find:
/// <c>POST /sandbox/alipay/bill/discrepancies</c> adds one, <c>DELETE ...?bill_date=</c> clears a day's. The kinds are WeChat
/// Pay's; status lists as paid a trade the sandbox never completed (still waiting, or closed unpaid), placed that day.
/// </summary>
public static partial class AlipayBillDiscrepancyControlApi
{
    private static readonly string Usage =
        $"Expected {{\"bill_date\": \"yyyy-MM-dd\", \"kind\": one of {string.Join(", ", Kinds.Keys)}, \"out_trade_no\" or \"out_request_no\" of a line of that day "
        + $"(for unknown: an optional new out_trade_no; for status: the out_trade_no of an unpaid trade placed that day), \"amount\": 1..{MaxAmount} fen "
        + "(amount, unknown), \"fee\": fen (fee)}.";

    public static void MapAlipayBillControl(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sandbox/alipay/bill/discrepancies", AddAsync);
        app.MapDelete("/sandbox/alipay/bill/discrepancies", (HttpRequest request, [FromKeyedServices(AlipayBills.Key)] BillDiscrepancies discrepancies) =>
        {
            if (!TryDay(request.Query["bill_date"].ToString(), out var day))
            {
                return SandboxJson.Problem(StatusCodes.Status400BadRequest, "INVALID_BILL_DATE", "Expected ?bill_date=yyyy-MM-dd.");
            }

            discrepancies.Clear(day);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> AddAsync(
        HttpRequest request, [FromKeyedServices(AlipayBills.Key)] BillDiscrepancies discrepancies, AlipayBills bills, AlipayTradeStore trades)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<DiscrepancyCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || command is null || !TryDay(command.BillDate, out var day) || command.Kind is null || !Kinds.TryGetValue(command.Kind, out var kind)
            || Invalid(command, kind))
        {
            return SandboxJson.Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", Usage);
        }

        BillDiscrepancy discrepancy;
        switch (kind)
        {
            case BillDiscrepancyKind.Unknown:
                var outTradeNo = command.OutTradeNo ?? "UNKNOWN" + AlipayCrypto.RandomDigits(20);
                if (trades.Find(outTradeNo) is not null)
                {
                    return SandboxJson.Problem(StatusCodes.Status409Conflict, "ORDER_EXISTS", "An unknown line needs an out_trade_no the sandbox never saw.");
                }

                discrepancy = new BillDiscrepancy(day, kind, outTradeNo, command.Amount ?? DefaultUnknownAmount, TransactionId: TradeNo(day));
                break;
            case BillDiscrepancyKind.Status:
                if (trades.Find(command.OutTradeNo!) is not { PaidAt: null } unpaid || ChinaTime.DayOf(unpaid.CreatedAt) != day)
                {
                    return SandboxJson.Problem(
                        StatusCodes.Status404NotFound, "TRADE_NOT_UNPAID", $"No unpaid trade {command.OutTradeNo} was placed on {command.BillDate} (China time).");
                }

                discrepancy = new BillDiscrepancy(day, kind, unpaid.Terms.OutTradeNo, unpaid.Terms.TotalFen, TransactionId: unpaid.TradeNo ?? TradeNo(day));
                break;
            default:
                var key = command.OutRequestNo ?? command.OutTradeNo!;
                if (bills.Processed(day).FirstOrDefault(line => line.Key == key) is not { } line)
                {
                    return SandboxJson.Problem(StatusCodes.Status404NotFound, "LINE_NOT_ON_BILL", $"No payment or refund {key} was processed on {command.BillDate} (China time).");
                }

                // By default a changed value is one fen off, the smallest difference a reconciliation must still see.
                var amount = kind == BillDiscrepancyKind.Amount ? command.Amount ?? Math.Abs(line.Amount) + 1 : (long?)null;
                var fee = kind == BillDiscrepancyKind.Fee ? command.Fee ?? line.Fee + (line.IsRefund ? -1 : 1) : (long?)null;
                discrepancy = new BillDiscrepancy(day, kind, key, amount, fee);
                break;
        }

        if (!discrepancies.TryAdd(discrepancy))
        {
            return SandboxJson.Problem(StatusCodes.Status400BadRequest, "TOO_MANY", $"A day holds at most {BillDiscrepancies.MaxPerDay} discrepancies.");
        }

        var isRefund = command.OutRequestNo is not null;
        return Results.Json(
            new
            {
                bill_date = command.BillDate,
                kind = command.Kind,
                out_trade_no = isRefund ? null : discrepancy.Key,
                out_request_no = isRefund ? discrepancy.Key : null,
                trade_no = discrepancy.TransactionId,
                amount = discrepancy.Amount,
                fee = discrepancy.Fee,
            },
            SandboxJson.Options,
            statusCode: StatusCodes.Status202Accepted);
    }

    private static bool Invalid(DiscrepancyCommand command, BillDiscrepancyKind kind)
    {
        var targets = (command.OutTradeNo is null ? 0 : 1) + (command.OutRequestNo is null ? 0 : 1);
        return kind switch
            {
                BillDiscrepancyKind.Unknown => command.OutRequestNo is not null,
                BillDiscrepancyKind.Status => command.OutTradeNo is null || command.OutRequestNo is not null,
                _ => targets != 1,
            }
            || (command.OutTradeNo is { } outTradeNo && !OutTradeNo().IsMatch(outTradeNo))
            || (command.OutRequestNo is { } outRequestNo && !OutRequestNo().IsMatch(outRequestNo))
            || (command.Amount is not null && (kind is not (BillDiscrepancyKind.Amount or BillDiscrepancyKind.Unknown) || command.Amount is < 1 or > MaxAmount))
            || (command.Fee is not null && (kind != BillDiscrepancyKind.Fee || command.Fee is < -MaxAmount or > MaxAmount));
    }

    // Alipay's trade numbers: the day, 22, then digits.
    private static string TradeNo(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "2200" + AlipayCrypto.RandomDigits(16);

    // out_trade_no as the gateway accepts it; out_request_no as Alipay documents it, up to 64 characters.
    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex OutTradeNo();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex OutRequestNo();

    private sealed record DiscrepancyCommand(string? BillDate, string? Kind, string? OutTradeNo, string? OutRequestNo, long? Amount, long? Fee);
}
