using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>What routing knows of each account for one merchant at one moment: live health plus the merchant's usage.</summary>
internal sealed class RoutingStates(ChannelHealth health, RoutingUsage usage, string merchantId, DateTimeOffset at, TimeSpan utcOffset) : IAccountStates
{
    public AccountState Get(ChannelAccountId account)
    {
        var known = health.Get(account);
        var used = usage.Get(merchantId, account, at, utcOffset);
        return new AccountState(known.Success, known.CircuitOpen, known.LatencyP95, used.DayAmount, used.DayCount, used.LastSecondCount);
    }
}
