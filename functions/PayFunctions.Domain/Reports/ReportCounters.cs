namespace PayFunctions.Domain.Reports;

/// <summary>
/// What a report counts for one key and currency. Every field is a sum, so counters add in any order and a report is
/// the sum of its days: that is what lets completions update them as they happen, in whatever order they arrive.
/// </summary>
/// <param name="Payments">Payments that reached a final outcome: <paramref name="Succeeded"/> plus <paramref name="Failed"/>.</param>
/// <param name="Succeeded">Payments that succeeded.</param>
/// <param name="Failed">Payments that failed, were closed or expired.</param>
/// <param name="Amount">The succeeded payments' gross, in minor units.</param>
/// <param name="Refunds">Refunds that succeeded.</param>
/// <param name="RefundedAmount">What those refunds gave back, in minor units.</param>
/// <param name="Fees">The platform's fee on succeeded payments as the ledger books it, in minor units.</param>
public readonly record struct ReportCounters(long Payments, long Succeeded, long Failed, long Amount, long Refunds, long RefundedAmount, long Fees)
{
    /// <summary>Nothing counted.</summary>
    public static ReportCounters Zero => default;

    /// <summary>The sum of two counters.</summary>
    /// <exception cref="OverflowException">A sum exceeds 64 bits.</exception>
    public ReportCounters Add(ReportCounters other) => checked(new(
        Payments + other.Payments,
        Succeeded + other.Succeeded,
        Failed + other.Failed,
        Amount + other.Amount,
        Refunds + other.Refunds,
        RefundedAmount + other.RefundedAmount,
        Fees + other.Fees));

    /// <summary>Succeeded over payments, rounded half away from zero to four places; 0 when none ended.</summary>
    public decimal SuccessRate => Payments == 0 ? 0m : Math.Round((decimal)Succeeded / Payments, 4, MidpointRounding.AwayFromZero);
}
