namespace PayFunctions.Core.Orchestration;

/// <summary>The Durable task hub shared by the orchestrations; host.json reads the same setting.</summary>
public sealed class DurableOptions
{
    public const string SectionName = "Durable";

    /// <summary>
    /// The shortest retention that keeps every reader of an ended instance working: a create retried
    /// within the idempotency window (24 h) finds its instance and does not start a second one, and a
    /// payment that expires at most 24 h after it was created still has its instance for the channel's
    /// late notifications, which the channels retry for about a day.
    /// </summary>
    public static readonly TimeSpan MinEndedRetention = TimeSpan.FromDays(2);

    public string TaskHub { get; set; } = "payfunctions";

    /// <summary>
    /// How long after its creation an orchestration that has ended keeps its instance and history rows.
    /// A payment's own state lives in its table row; the instance is only the engine's record.
    /// </summary>
    public TimeSpan EndedRetention { get; set; } = TimeSpan.FromDays(3);

    public bool IsValid() => EndedRetention >= MinEndedRetention;
}
