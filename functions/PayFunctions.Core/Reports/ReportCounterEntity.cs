using System.Runtime.Serialization;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Reports;

/// <summary>
/// One counter of one scope and day (<see cref="ReportKeys"/>), or a completion's marker in the same partition, which
/// carries no counts: its presence is what says the completion was counted.
/// </summary>
public sealed class ReportCounterEntity : TableRow
{
    public long Payments { get; set; }

    public long Succeeded { get; set; }

    public long Failed { get; set; }

    public long Amount { get; set; }

    public long Refunds { get; set; }

    public long RefundedAmount { get; set; }

    public long Fees { get; set; }

    [IgnoreDataMember]
    public ReportCounters Counters
    {
        get => new(Payments, Succeeded, Failed, Amount, Refunds, RefundedAmount, Fees);
        set => (Payments, Succeeded, Failed, Amount, Refunds, RefundedAmount, Fees) =
            (value.Payments, value.Succeeded, value.Failed, value.Amount, value.Refunds, value.RefundedAmount, value.Fees);
    }
}
