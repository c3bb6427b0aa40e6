using System.Text.Json;
using System.Text.Json.Serialization;
using PayFunctions.Core.Http;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// <c>routing</c> on a payment: the decision as it was made (every candidate, its score or why it was
/// eliminated) and the route the order then took.
/// </summary>
/// <param name="Rule">The merchant's rule that matched; null when the channel's configured accounts competed.</param>
/// <param name="Objective">What the scores measure: <c>success</c>, <c>cost</c> or <c>balanced</c>.</param>
/// <param name="Candidates">Every candidate considered, in the order the rule lists them.</param>
public sealed record RoutingBody(string? Rule, string Objective, IReadOnlyList<RoutingCandidateBody> Candidates)
{
    /// <summary>Each account the order was tried at, in order; null until the order is placed or has failed.</summary>
    public IReadOnlyList<RouteAttemptBody>? Attempts { get; init; }

    /// <summary>The kept candidates' account ids at the channel, in failover order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Order =>
        [.. Candidates.Where(c => c.Rank is not null).OrderBy(c => c.Rank).Select(c => c.ChannelAccount[(c.ChannelAccount.IndexOf('/', StringComparison.Ordinal) + 1)..])];

    public static RoutingBody From(RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var candidates = new List<RoutingCandidateBody>(decision.Candidates.Count);
        foreach (var c in decision.Candidates)
        {
            candidates.Add(new RoutingCandidateBody(
                c.Account.ToString(),
                c.Priority,
                c.Weight,
                c.Rank,
                c.Eliminated,
                Math.Round(c.SuccessEstimate, 4),
                c.LatencyP95 is { } p95 ? (long)p95.TotalMilliseconds : null,
                c.Fee,
                Math.Round(c.Score, 4)));
        }

        return new RoutingBody(decision.Rule, JsonNamingPolicy.SnakeCaseLower.ConvertName(decision.Objective.ToString()), candidates);
    }

    public string Serialize() => JsonSerializer.Serialize(this, ApiJson.Options);

    /// <summary>The stored decision with the stored attempts; null for a payment routed before decisions were kept.</summary>
    public static RoutingBody? Deserialize(string? decisionJson, string? attemptsJson)
    {
        if (decisionJson is null)
        {
            return null;
        }

        var body = JsonSerializer.Deserialize<RoutingBody>(decisionJson, ApiJson.Options)!;
        return attemptsJson is null ? body : body with { Attempts = DeserializeAttempts(attemptsJson) };
    }

    public static string SerializeAttempts(IReadOnlyList<RouteAttempt> attempts) =>
        JsonSerializer.Serialize(attempts.Select(a => new RouteAttemptBody(a.ChannelAccount, a.Outcome, a.Reason, a.At)), ApiJson.Options);

    private static List<RouteAttemptBody> DeserializeAttempts(string json) =>
        JsonSerializer.Deserialize<List<RouteAttemptBody>>(json, ApiJson.Options) ?? [];
}

/// <summary>One candidate of a routing decision, as the merchant sees it.</summary>
/// <param name="ChannelAccount">The account as <c>channel/account</c>.</param>
/// <param name="Priority">Lower was considered first.</param>
/// <param name="Weight">Its share of volume among alike candidates of its priority.</param>
/// <param name="Rank">Its place in the failover order; null when eliminated.</param>
/// <param name="Eliminated">Why it was not considered (an elimination code); null when it was.</param>
/// <param name="SuccessEstimate">The estimated chance the account takes the payment.</param>
/// <param name="LatencyP95Ms">The account's recent 95th percentile answer time, when known.</param>
/// <param name="Fee">What the account would charge, in minor units, when a fee schedule names it.</param>
/// <param name="Score">The objective's value; higher ranks first within a priority.</param>
public sealed record RoutingCandidateBody(
    string ChannelAccount, int Priority, int Weight, int? Rank, string? Eliminated, double SuccessEstimate, long? LatencyP95Ms, long? Fee, double Score);

/// <summary>One attempt of the route: <c>placed</c>, <c>failed</c> or <c>skipped</c>, and why.</summary>
public sealed record RouteAttemptBody(string ChannelAccount, string Outcome, string? Reason, DateTimeOffset At);
