using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// A channel account's recent health across every instance: its decayed success estimate (answers, a refusal
/// included, are successes; transient failures and timeouts are failures), whether a breaker holds it open,
/// answer-time percentiles and errors by class over the last one to two minutes.
/// </summary>
/// <param name="Success">Decayed successes and failures of calls that reached the channel.</param>
/// <param name="CircuitOpen">Some instance's breaker is open for the account and its break has not ended.</param>
/// <param name="LatencyP50">Median answer time; null with fewer than five samples.</param>
/// <param name="LatencyP95">95th percentile answer time; null with fewer than five samples.</param>
/// <param name="Errors">Calls that did not succeed, by class, over the same window as the latencies.</param>
/// <param name="AsOf">When this was computed.</param>
public sealed record AccountHealth(
    SuccessEstimate Success,
    bool CircuitOpen,
    TimeSpan? LatencyP50,
    TimeSpan? LatencyP95,
    ErrorCounts Errors,
    DateTimeOffset AsOf);
