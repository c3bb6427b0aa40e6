namespace PayFunctions.Domain.Routing;

/// <summary>What routing knows of one account when it decides: its health and what the merchant has already sent it.</summary>
/// <param name="Success">The decayed record of recent outcomes.</param>
/// <param name="CircuitOpen">The account's circuit breaker is open: calls fail at once.</param>
/// <param name="LatencyP95">Recent 95th percentile of the channel's answer time; null with too few samples.</param>
/// <param name="DayAmount">Minor units the merchant routed to the account today (on the policy's clock).</param>
/// <param name="DayCount">Payments the merchant routed to the account today.</param>
/// <param name="LastSecondCount">Payments the merchant routed to the account in the last second.</param>
public readonly record struct AccountState(
    SuccessEstimate Success,
    bool CircuitOpen,
    TimeSpan? LatencyP95,
    long DayAmount,
    int DayCount,
    int LastSecondCount)
{
    /// <summary>An account nothing is known about yet.</summary>
    public static AccountState Unknown { get; } = new(SuccessEstimate.Empty, false, null, 0, 0, 0);
}

/// <summary>Supplies <see cref="AccountState"/> per account; lookups must not allocate.</summary>
public interface IAccountStates
{
    /// <summary>The state of <paramref name="account"/>; <see cref="AccountState.Unknown"/> for an account never seen.</summary>
    AccountState Get(ChannelAccountId account);
}
