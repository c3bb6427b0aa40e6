namespace PayFunctions.Core.Routing;

/// <summary>Calls that did not succeed, by class, over a health window.</summary>
public readonly record struct ErrorCounts(int Declined, int Transient, int TimedOut, int CircuitOpen)
{
    public static ErrorCounts operator +(ErrorCounts left, ErrorCounts right) =>
        new(left.Declined + right.Declined, left.Transient + right.Transient, left.TimedOut + right.TimedOut, left.CircuitOpen + right.CircuitOpen);

    /// <summary>These counts with one more <paramref name="result"/>; a success changes nothing.</summary>
    public ErrorCounts With(ChannelCallResult result) => result switch
    {
        ChannelCallResult.Declined => this with { Declined = Declined + 1 },
        ChannelCallResult.Transient => this with { Transient = Transient + 1 },
        ChannelCallResult.TimedOut => this with { TimedOut = TimedOut + 1 },
        ChannelCallResult.CircuitOpen => this with { CircuitOpen = CircuitOpen + 1 },
        _ => this,
    };
}
