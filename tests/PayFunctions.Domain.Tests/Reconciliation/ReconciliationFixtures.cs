using PayFunctions.Domain.Reconciliation;

namespace PayFunctions.Domain.Tests.Reconciliation;

/// <summary>Small statement days the reconciliation tests write by hand, on the generator's day (2 March 2026, UTC+8, 5-minute window).</summary>
internal static class ReconciliationFixtures
{
    public static readonly StatementDay Day = StatementDayGenerator.Day;
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset Noon = Start.AddHours(12);
    public static readonly DateTimeOffset End = Start.AddDays(1);

    public static Money Cny(long minorUnits) => new(minorUnits, Currency.Cny);

    public static PlatformPayment Payment(string id, long amount = 10_000, long? fee = 60, PlatformPaymentStatus status = PlatformPaymentStatus.Succeeded, DateTimeOffset? bookedAt = null) =>
        new(id, Cny(amount), fee is null ? null : Cny(fee.Value), status, status == PlatformPaymentStatus.Succeeded ? bookedAt ?? Noon : null);

    public static PlatformRefund Refund(string id, long amount = 5_000, PlatformRefundStatus status = PlatformRefundStatus.Succeeded, DateTimeOffset? bookedAt = null) =>
        new(id, "P1", Cny(amount), status, status == PlatformRefundStatus.Succeeded ? bookedAt ?? Noon : null);

    public static StatementEntry Paid(string outTradeNo, long amount = 10_000, long fee = 60, string? reference = null, DateTimeOffset? at = null) =>
        new(StatementEntryKind.Payment, reference ?? "wx-" + outTradeNo, outTradeNo, null, Cny(amount), Cny(fee), at ?? Noon);

    public static StatementEntry Refunded(string outRefundNo, long amount = 5_000, string? reference = null, DateTimeOffset? at = null) =>
        new(StatementEntryKind.Refund, reference ?? "wxr-" + outRefundNo, "P1", outRefundNo, Cny(amount), Cny(-30), at ?? Noon);

    public static StatementEntry Totalled(StatementEntryKind kind, string reference, long amount, long fee = 0) =>
        new(kind, reference, null, null, Cny(amount), Cny(fee), Noon);

    public static ReconciliationResult Reconcile(IEnumerable<StatementEntry> statement, IEnumerable<PlatformPayment>? payments = null, IEnumerable<PlatformRefund>? refunds = null, StatementDay? day = null)
    {
        var matcher = new StatementMatcher(day ?? Day, payments ?? [], refunds ?? []);
        foreach (var entry in statement)
        {
            matcher.Add(entry);
        }

        return matcher.Complete();
    }

    /// <summary>What a test compares of a difference: its class, kind, reference and proposed resolution.</summary>
    public static (DifferenceClass Class, StatementEntryKind Kind, string Reference, ProposedResolution Resolution) Subject(ReconciliationDifference difference) =>
        (difference.Class, difference.Kind, difference.Reference, difference.Resolution);
}
