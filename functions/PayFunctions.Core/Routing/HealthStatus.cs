using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Operators' reading of <see cref="AccountHealth"/>: an account is <c>down</c> while a breaker holds it open,
/// <c>degraded</c> while its success estimate is under <see cref="DegradedBelowSuccess"/> or its p95 above
/// <see cref="DegradedAboveP95"/>, else <c>up</c>. A channel is in an <c>outage</c> when every configured account is
/// down, <c>degraded</c> when any is not up, else <c>operational</c>.
/// </summary>
public static class HealthStatus
{
    public const string Up = "up";
    public const string Degraded = "degraded";
    public const string Down = "down";

    public const string Operational = "operational";
    public const string Outage = "outage";

    /// <summary>
    /// The estimate starts at 0.9 (its optimistic prior); under traffic this is about one call in five failing to get an
    /// answer, for an idle account two failures in a row.
    /// </summary>
    public const double DegradedBelowSuccess = 0.8;

    /// <summary>Payers wait on the answer for a QR code or a redirect; past 3 s they notice.</summary>
    public static readonly TimeSpan DegradedAboveP95 = TimeSpan.FromSeconds(3);

    public static string OfAccount(AccountHealth health, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(health);
        if (health.CircuitOpen)
        {
            return Down;
        }

        return health.Success.Mean(now) < DegradedBelowSuccess || health.LatencyP95 > DegradedAboveP95 ? Degraded : Up;
    }

    /// <summary>The state of a channel from its accounts' statuses; null for a channel without configured accounts.</summary>
    public static string? OfChannel(IReadOnlyCollection<string> accountStatuses)
    {
        ArgumentNullException.ThrowIfNull(accountStatuses);
        return accountStatuses.Count == 0 ? null
            : accountStatuses.All(s => s == Down) ? Outage
            : accountStatuses.All(s => s == Up) ? Operational
            : Degraded;
    }
}
