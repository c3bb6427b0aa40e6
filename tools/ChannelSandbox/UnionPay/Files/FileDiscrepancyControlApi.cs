using System.Globalization;
using System.Security.Cryptography;

namespace ChannelSandbox.UnionPay.Files;

/// <summary>
/// Differences between a settlement date's reconciliation file and what the sandbox processed, on demand, for reconciliation
/// to find: <c>POST /sandbox/unionpay/bill/discrepancies</c> adds one, <c>DELETE ...?settle_date=</c> clears a day's.
/// </summary>
public static class FileDiscrepancyControlApi
{
    private const long MaxAmount = 999_999_999_999;
    private const long DefaultUnknownAmount = 100;

    private static readonly Dictionary<string, FileDiscrepancyKind> Kinds = new(StringComparer.Ordinal)
    {
        ["unknown"] = FileDiscrepancyKind.Unknown,
        ["missing"] = FileDiscrepancyKind.Missing,
        ["amount"] = FileDiscrepancyKind.Amount,
        ["status"] = FileDiscrepancyKind.Status,
        ["fee"] = FileDiscrepancyKind.Fee,
        ["duplicate"] = FileDiscrepancyKind.Duplicate,
        ["date_shift"] = FileDiscrepancyKind.DateShift,
    };

    private static readonly string Usage =
        $"Expected {{\"settle_date\": \"yyyy-MM-dd\", \"kind\": one of {string.Join(", ", Kinds.Keys)}, \"order_id\" of a line of that day "
        + $"(for unknown: an optional new one), \"amount\": 1..{MaxAmount} fen (amount, unknown), \"fee\": fen (fee)}}.";

    public static void MapUnionPayFileControl(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sandbox/unionpay/bill/discrepancies", AddAsync);
        app.MapDelete("/sandbox/unionpay/bill/discrepancies", (HttpRequest request, FileDiscrepancies discrepancies) =>
        {
            if (!TryDay(request.Query["settle_date"].ToString(), out var day))
            {
                return SandboxJson.Problem(StatusCodes.Status400BadRequest, "INVALID_SETTLE_DATE", "Expected ?settle_date=yyyy-MM-dd.");
            }

            discrepancies.Clear(day);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> AddAsync(HttpRequest request, FileDiscrepancies discrepancies, ReconciliationFiles files, UnionPayStore store)
    {
        var (command, valid) = await SandboxJson.ReadOptionalAsync<DiscrepancyCommand>(request, request.HttpContext.RequestAborted);
        if (!valid || command is null || !TryDay(command.SettleDate, out var day) || command.Kind is null || !Kinds.TryGetValue(command.Kind, out var kind)
            || Invalid(command, kind))
        {
            return SandboxJson.Problem(StatusCodes.Status400BadRequest, "INVALID_BODY", Usage);
        }

        FileDiscrepancy discrepancy;
        if (kind == FileDiscrepancyKind.Unknown)
        {
            var orderId = command.OrderId ?? "UNKNOWN" + RandomNumberGenerator.GetInt32(0, int.MaxValue).ToString("D10", CultureInfo.InvariantCulture);
            if (store.Find(orderId) is not null)
            {
                return SandboxJson.Problem(StatusCodes.Status409Conflict, "ORDER_EXISTS", "An unknown line needs an order_id the sandbox never saw.");
            }

            discrepancy = new FileDiscrepancy(day, kind, orderId, command.Amount ?? DefaultUnknownAmount, QueryId: UnionPayStore.NewQueryId(ReconciliationFiles.StartOf(day).AddHours(12)));
        }
        else
        {
            if (files.Processed(day).FirstOrDefault(line => line.OrderId == command.OrderId) is not { } line)
            {
                return SandboxJson.Problem(StatusCodes.Status404NotFound, "LINE_NOT_IN_FILE", $"No consume or refund {command.OrderId} was processed on {command.SettleDate} (China time).");
            }

            // By default a changed value is one fen off, the smallest difference a reconciliation must still see.
            var amount = kind == FileDiscrepancyKind.Amount ? command.Amount ?? line.Amount + 1 : (long?)null;
            var fee = kind == FileDiscrepancyKind.Fee ? command.Fee ?? line.Fee + (line.Fee < 0 ? -1 : 1) : (long?)null;
            discrepancy = new FileDiscrepancy(day, kind, line.OrderId, amount, fee);
        }

        if (!discrepancies.TryAdd(discrepancy))
        {
            return SandboxJson.Problem(StatusCodes.Status400BadRequest, "TOO_MANY", $"A day holds at most {FileDiscrepancies.MaxPerDay} discrepancies.");
        }

        return Results.Json(
            new { settle_date = command.SettleDate, kind = command.Kind, order_id = discrepancy.OrderId, query_id = discrepancy.QueryId, amount = discrepancy.Amount, fee = discrepancy.Fee },
            SandboxJson.Options,
            statusCode: StatusCodes.Status202Accepted);
    }

    private static bool Invalid(DiscrepancyCommand command, FileDiscrepancyKind kind) =>
        (kind != FileDiscrepancyKind.Unknown && command.OrderId is null)
        || (command.OrderId is { } orderId && !UnionPayGatewayApi.OrderId().IsMatch(orderId))
        || (command.Amount is not null && (kind is not (FileDiscrepancyKind.Amount or FileDiscrepancyKind.Unknown) || command.Amount is < 1 or > MaxAmount))
        || (command.Fee is not null && (kind != FileDiscrepancyKind.Fee || command.Fee is < -MaxAmount or > MaxAmount));

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private sealed record DiscrepancyCommand(string? SettleDate, string? Kind, string? OrderId, long? Amount, long? Fee);
}
