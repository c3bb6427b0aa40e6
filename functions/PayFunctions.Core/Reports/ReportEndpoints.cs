using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Reports;

/// <summary>
/// Payment reports from the counters completions keep (<see cref="PaymentReports"/>): one range query over the
/// scope's days, whatever the number of payments in them. A merchant reads its own (a test key its test twin's); an
/// operator reads one merchant's or the platform's, of live money unless it asks for <c>livemode=false</c>.
/// </summary>
public sealed partial class ReportEndpoints(ReportStore store, IOptions<ReportOptions> options, TimeProvider time)
{
    private readonly ReportClock clock = new(options.Value.Zone);

    public async Task<IResult> MerchantAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.MerchantOf(request) is not { } merchant)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (query, error) = ReportQuery.Parse(request, clock.Today(time.GetUtcNow()));
        return query is null ? error!.ToResult() : await AnswerAsync(merchant.Id, !merchant.TestMode, query, cancellationToken);
    }

    public async Task<IResult> OperatorAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var livemode = request.Query["livemode"].ToString();
        if (livemode is not ("" or "true" or "false"))
        {
            return ApiError.InvalidRequest("livemode", "livemode must be true or false.").ToResult();
        }

        var live = livemode != "false";
        var merchant = request.Query["merchant"].ToString();
        if (merchant.Length > 0 && !LiveMerchantId().IsMatch(merchant))
        {
            return ApiError.InvalidRequest("merchant", "merchant must be a merchant's live id (mch_…); livemode=false reads its test twin.").ToResult();
        }

        var (query, error) = ReportQuery.Parse(request, clock.Today(time.GetUtcNow()));
        if (query is null)
        {
            return error!.ToResult();
        }

        var scope = merchant.Length == 0 ? ReportKeys.Platform(!live) : live ? merchant : MerchantEntity.TestTwinId(merchant);
        return await AnswerAsync(scope, live, query, cancellationToken);
    }

    private async Task<IResult> AnswerAsync(string scope, bool livemode, ReportQuery query, CancellationToken cancellationToken)
    {
        var rows = ReportAggregator.Rows(await store.ReadAsync(scope, query.From, query.To, cancellationToken), query.Grouping);
        if (query.Csv)
        {
            return Results.Text(ReportCsv.Write(rows), "text/csv; charset=utf-8");
        }

        return Results.Json(
            new ReportResource(
                "report",
                ReportGroupings.Name(query.Grouping),
                Day(query.From),
                Day(query.To),
                options.Value.TimeZone,
                livemode,
                [.. rows.Select(r => new ReportRowBody(
                    r.Key, r.Currency.ToLowerInvariant(), r.Counters.Payments, r.Counters.Succeeded, r.Counters.Failed, r.Counters.SuccessRate,
                    r.Counters.Amount, r.Counters.Refunds, r.Counters.RefundedAmount, r.Counters.Fees))]),
            ApiJson.Options);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^mch_[A-Za-z0-9]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex LiveMerchantId();

    internal sealed record ReportResource(string Object, string GroupBy, string From, string To, string TimeZone, bool Livemode, IReadOnlyList<ReportRowBody> Data);

    internal sealed record ReportRowBody(
        string Key, string Currency, long Payments, long Succeeded, long Failed, decimal SuccessRate, long Amount, long Refunds, long RefundedAmount, long Fees);
}
