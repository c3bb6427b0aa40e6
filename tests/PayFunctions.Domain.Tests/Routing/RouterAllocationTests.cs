using PayFunctions.Domain.Routing;
using static PayFunctions.Domain.Tests.Routing.RoutingFixtures;

namespace PayFunctions.Domain.Tests.Routing;

public sealed class RouterAllocationTests
{
    [Fact]
    public void A_decision_allocates_the_same_whatever_the_accounts_history()
    {
        var fees = new[] { new AccountFee(A, null, 60, 0), new AccountFee(B, Method, 30, 1) };
        var policy = Policy(RoutingObjective.Balanced, 1, fees, Rule("r", Candidate(A), Candidate(B, priority: 1), Candidate(C)));

        var shortHistory = Allocated(policy, StatesAfter(10));
        var longHistory = Allocated(policy, StatesAfter(100_000));

        Assert.Equal(shortHistory, longHistory);
        Assert.InRange(longHistory, 1, 1_024);
    }

    private static States StatesAfter(int outcomes)
    {
        var success = SuccessEstimate.Empty;
        for (var i = 0; i < outcomes; i++)
        {
            success = success.Record(i % 5 != 0, Noon - TimeSpan.FromMilliseconds(outcomes - i));
        }

        var state = AccountState.Unknown with { Success = success, LatencyP95 = TimeSpan.FromMilliseconds(150) };
        return new States { [A] = state, [B] = state, [C] = state };
    }

    private static long Allocated(RoutingPolicy policy, States states)
    {
        var request = Request(draw: 0.3);
        Router.Decide(policy, request, states);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Router.Decide(policy, request, states);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
