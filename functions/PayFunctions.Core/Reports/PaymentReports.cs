using Microsoft.Extensions.Options;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Domain;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Reports;

/// <summary>
/// Updates the report counters as payments and refunds complete: the merchant's own (its test twin's for a test
/// payment, since the id is the twin's) and the platform's of the payment's mode. Each is counted once per payment or
/// refund (<see cref="ReportStore"/>), on the local day and hour the outcome was written with, which a re-run of the
/// completion reads back unchanged.
/// </summary>
public sealed class PaymentReports(ReportStore store, IOptions<ReportOptions> options)
{
    private readonly ReportClock clock = new(options.Value.Zone);

    /// <summary>Counts a payment that reached a final status, as the completion wrote it.</summary>
    public async Task RecordPaymentAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var status = payment.StatusValue;
        if (status is PaymentStatus.RequiresAction or PaymentStatus.Processing or PaymentStatus.RequiresCapture || payment.CompletedAt is not { } endedAt)
        {
            return;
        }

        var (day, hour) = clock.Place(endedAt);
        var succeeded = status == PaymentStatus.Succeeded;
        var cells = ReportContributions.OfPayment(SubjectOf(payment), hour, payment.AmountValue, succeeded, succeeded ? FeeOf(payment) : null);
        await RecordAsync(payment, day, ReportKeys.PaymentMarker(payment.Id), cells, cancellationToken);
    }

    /// <summary>Counts a refund that succeeded at <paramref name="succeededAt"/>, under its payment's method, channel and region.</summary>
    public async Task RecordRefundAsync(RefundEntity refund, PaymentEntity payment, DateTimeOffset succeededAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(payment);
        var (day, hour) = clock.Place(succeededAt);
        var cells = ReportContributions.OfRefund(SubjectOf(payment), hour, new Money(refund.Amount, Currency.Parse(refund.Currency)));
        await RecordAsync(payment, day, ReportKeys.RefundMarker(refund.RefundId), cells, cancellationToken);
    }

    private async Task RecordAsync(PaymentEntity payment, DateOnly day, string marker, IReadOnlyList<ReportCell> cells, CancellationToken cancellationToken)
    {
        await store.AddAsync(ReportKeys.Partition(payment.MerchantId, day), marker, cells, cancellationToken);
        await store.AddAsync(ReportKeys.PlatformPartition(payment.TestMode, day, payment.Id), marker, cells, cancellationToken);
    }

    /// <summary>A checkout payment that ended before a method was picked is counted under the checkout itself.</summary>
    private static ReportSubject SubjectOf(PaymentEntity payment) =>
        new(payment.Method, payment.Channel is { Length: > 0 } channel ? channel : RegionCodes.Unknown, RegionCodes.Of(payment.PayerRegion, payment.PayerCountry));

    /// <summary>The platform's fee as the capture booked it: its allocation, in the settlement currency of a converted payment.</summary>
    private static Money? FeeOf(PaymentEntity payment)
    {
        var fee = SplitRuleSerializer.DeserializeAllocations(payment.AllocationsJson).Where(a => a.Role == SplitRole.PlatformFee).Sum(a => a.Amount);
        return new Money(fee, payment.Fx?.Settlement ?? payment.AmountValue.Currency);
    }
}
