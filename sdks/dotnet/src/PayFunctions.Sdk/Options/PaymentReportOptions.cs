namespace PayFunctions;

/// <summary>The parameters of the payment report. Its <c>format</c> follows the method called:
/// <see cref="ReportService.GetPaymentReportAsync"/> asks for JSON, <see cref="ReportService.GetPaymentReportCsvAsync"/> for CSV.</summary>
public sealed class PaymentReportOptions
{
    /// <summary>The first day, <c>yyyy-MM-dd</c>; 30 days ago when unset.</summary>
    public string? From { get; set; }

    /// <summary>The last day, <c>yyyy-MM-dd</c>; today when unset.</summary>
    public string? To { get; set; }

    /// <summary><c>method</c>, <c>channel</c>, <c>hour</c>, <c>weekday</c>, <c>region</c> or <c>day</c>.</summary>
    public string? GroupBy { get; set; }
}
