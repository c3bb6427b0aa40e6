namespace PayFunctions.Core.Routing;

/// <summary>
/// One step of a payment's route: an account the order was placed with, or one passed over, and why.
/// Recorded in order, so the payment shows every account it tried before the one that took it.
/// </summary>
/// <param name="ChannelAccount">The account as <c>channel/account</c>.</param>
/// <param name="Outcome">One of <see cref="RouteOutcomes"/>.</param>
/// <param name="Reason">Why the account did not take the order: a <see cref="RouteOutcomes"/> reason or the channel's error code.</param>
/// <param name="At">When the attempt ended.</param>
public sealed record RouteAttempt(string ChannelAccount, string Outcome, string? Reason, DateTimeOffset At);

/// <summary>Stable words for what happened at each account of a route.</summary>
public static class RouteOutcomes
{
    /// <summary>The account took the order.</summary>
    public const string Placed = "placed";

    /// <summary>The account was tried and did not take the order.</summary>
    public const string Failed = "failed";

    /// <summary>The account was not tried.</summary>
    public const string Skipped = "skipped";

    /// <summary>The account's circuit breaker is open after repeated failures.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>The account is at its rate or concurrency limit.</summary>
    public const string AtLimit = "at_limit";

    /// <summary>The channel did not answer, or answered with a server error, after the retries.</summary>
    public const string Unavailable = "channel_unavailable";

    /// <summary>The account cannot be used: its configuration or a secret is missing.</summary>
    public const string NotConfigured = "not_configured";
}
