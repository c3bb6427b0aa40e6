using System.Text;
using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>Reports over the merchant's payments.</summary>
public sealed class ReportService : Service
{
    private const string PaymentsPath = "/v1/reports/payments";

    internal ReportService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>The payment report as JSON (<c>GET /v1/reports/payments</c>).</summary>
    public Task<PaymentReport> GetPaymentReportAsync(
        PaymentReportOptions? options = null, CancellationToken cancellationToken = default) =>
        GetAsync<PaymentReport>(PaymentsPath, Query(options, "json"), cancellationToken);

    /// <summary>The payment report as CSV text (<c>GET /v1/reports/payments?format=csv</c>).</summary>
    public async Task<string> GetPaymentReportCsvAsync(
        PaymentReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await Requestor
            .SendRawAsync(HttpMethod.Get, PaymentsPath, Query(options, "csv"), null, null, "text/csv", cancellationToken)
            .ConfigureAwait(false);
        return Encoding.UTF8.GetString(response.Body);
    }

    private static QueryString Query(PaymentReportOptions? options, string format) =>
        new QueryString()
            .Add("from", options?.From)
            .Add("to", options?.To)
            .Add("group_by", options?.GroupBy)
            .Add("format", format);
}
