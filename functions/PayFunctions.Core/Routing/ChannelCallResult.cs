namespace PayFunctions.Core.Routing;

/// <summary>How one attempt of a call to a channel account ended, as channel health counts it.</summary>
public enum ChannelCallResult
{
    /// <summary>The channel answered and did what was asked.</summary>
    Succeeded,

    /// <summary>The channel answered with a refusal of its own (a business error): the account works.</summary>
    Declined,

    /// <summary>A failure that may pass: a 5xx, a rate limit, a network error.</summary>
    Transient,

    /// <summary>No answer within the call's timeout.</summary>
    TimedOut,

    /// <summary>Not attempted: the account's circuit breaker was open.</summary>
    CircuitOpen,
}
