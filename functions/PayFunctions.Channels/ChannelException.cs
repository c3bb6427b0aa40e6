namespace PayFunctions.Channels;

/// <summary>A channel call failed: the channel refused it, or it could not be completed.</summary>
public sealed class ChannelException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description.</param>
    /// <param name="code">The channel's error code, when it sent one.</param>
    /// <param name="httpStatus">The HTTP status of the channel's response, when there was one.</param>
    /// <param name="isTransient">Whether retrying the same call later may succeed.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ChannelException(string message, string? code, int? httpStatus, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        HttpStatus = httpStatus;
        IsTransient = isTransient;
    }

    /// <summary>The channel's error code, e.g. "PARAM_ERROR"; null for network failures.</summary>
    public string? Code { get; }

    /// <summary>The HTTP status of the channel's response; null when no response arrived.</summary>
    public int? HttpStatus { get; }

    /// <summary>True for 5xx, rate limits, timeouts and network failures; false for business refusals.</summary>
    public bool IsTransient { get; }
}
