namespace PayFunctions.Domain.Reports;

/// <summary>
/// The counters one completion adds, one cell per dimension (and per currency when the fee is booked in another
/// currency than the payment, as for a converted payment split in the merchant's settlement currency).
/// </summary>
public static class ReportContributions
{
    /// <summary>A payment's final outcome at local <paramref name="hour"/>.</summary>
    /// <param name="subject">What it is counted under.</param>
    /// <param name="hour">The local hour it ended at.</param>
    /// <param name="gross">Its amount.</param>
    /// <param name="succeeded">True when it succeeded; any other final status counts as failed.</param>
    /// <param name="fee">The platform fee the ledger booked on its capture, when it succeeded.</param>
    public static IReadOnlyList<ReportCell> OfPayment(ReportSubject subject, int hour, Money gross, bool succeeded, Money? fee)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var feeInline = fee is { } f && f.Currency == gross.Currency ? f.MinorUnits : 0;
        var outcome = succeeded
            ? new ReportCounters(1, 1, 0, gross.MinorUnits, 0, 0, feeInline)
            : new ReportCounters(1, 0, 1, 0, 0, 0, 0);
        var cells = Cells(subject, hour, gross.Currency, outcome).ToList();
        if (succeeded && fee is { MinorUnits: > 0 } other && other.Currency != gross.Currency)
        {
            cells.AddRange(Cells(subject, hour, other.Currency, ReportCounters.Zero with { Fees = other.MinorUnits }));
        }

        return cells;
    }

    /// <summary>A refund that succeeded at local <paramref name="hour"/>, under its payment's method, channel and region.</summary>
    public static IReadOnlyList<ReportCell> OfRefund(ReportSubject subject, int hour, Money refunded)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return [.. Cells(subject, hour, refunded.Currency, ReportCounters.Zero with { Refunds = 1, RefundedAmount = refunded.MinorUnits })];
    }

    private static IEnumerable<ReportCell> Cells(ReportSubject subject, int hour, Currency currency, ReportCounters counters)
    {
        yield return new ReportCell(ReportDimension.Method, subject.Method, currency.Code, counters);
        yield return new ReportCell(ReportDimension.Channel, subject.Channel, currency.Code, counters);
        yield return new ReportCell(ReportDimension.Hour, ReportGroupings.HourKey(hour), currency.Code, counters);
        yield return new ReportCell(ReportDimension.Region, subject.Region, currency.Code, counters);
    }
}
