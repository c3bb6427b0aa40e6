using PayFunctions.Core.Payments;
using PayFunctions.Core.Routing;

namespace PayFunctions.Core.Tests.Routing;

/// <summary>
/// The draw that splits volume by weight comes from the payment id: the same on every call for one payment, and spread
/// evenly over [0, 1) for ids minted one after another (which share all but their last characters).
/// </summary>
public sealed class PaymentRouterDrawTests
{
    [Fact]
    public void A_payment_always_draws_the_same_number()
    {
        var id = new PaymentIdGenerator(TimeProvider.System).NewId();

        Assert.Equal(PaymentRouter.Draw(id), PaymentRouter.Draw(id));
    }

    [Fact]
    public void Consecutive_ids_spread_evenly_over_the_unit_interval()
    {
        var ids = new PaymentIdGenerator(TimeProvider.System);
        var buckets = new int[10];
        const int Count = 20_000;
        for (var i = 0; i < Count; i++)
        {
            var draw = PaymentRouter.Draw(ids.NewId());
            Assert.InRange(draw, 0.0, 0.9999999999);
            buckets[(int)(draw * buckets.Length)]++;
        }

        // Each tenth expects 2 000; a fair hash stays within a few percent of it.
        Assert.All(buckets, n => Assert.InRange(n, 1_800, 2_200));
    }
}
