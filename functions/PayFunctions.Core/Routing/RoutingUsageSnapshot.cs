namespace PayFunctions.Core.Routing;

/// <summary>What a merchant has routed to one account: today on the policy's clock, and in the last second.</summary>
/// <param name="DayAmount">Minor units routed today, across instances.</param>
/// <param name="DayCount">Payments routed today, across instances.</param>
/// <param name="LastSecondCount">Payments this instance routed in the last second.</param>
public readonly record struct RoutingUsageSnapshot(long DayAmount, int DayCount, int LastSecondCount);
