using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>Payment ids: <see cref="NewestFirstIds"/> under the "pay_" prefix.</summary>
public sealed class PaymentIdGenerator(TimeProvider time)
{
    public string NewId() => NewestFirstIds.New(PaymentIds.Prefix, time);
}
