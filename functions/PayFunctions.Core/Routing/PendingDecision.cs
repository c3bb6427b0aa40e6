using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// A routing decision and what counting it takes: the caller counts it (<see cref="PaymentRouter.Count"/>) once the
/// payment is routed by it, so a decision nobody takes never uses up the merchant's limits.
/// </summary>
public sealed record PendingDecision(RoutingDecision Decision, string MerchantId, long Amount, DateTimeOffset At, TimeSpan UtcOffset);
