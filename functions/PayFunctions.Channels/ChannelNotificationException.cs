namespace PayFunctions.Channels;

/// <summary>A channel callback failed verification, decryption or parsing and must not change any state.</summary>
public sealed class ChannelNotificationException : Exception
{
    /// <summary>Creates the exception with a short machine-readable reason.</summary>
    public ChannelNotificationException(string reason)
        : base($"Channel notification rejected: {reason}.")
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with a short machine-readable reason and its cause.</summary>
    public ChannelNotificationException(string reason, Exception innerException)
        : base($"Channel notification rejected: {reason}.", innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the notification was rejected, e.g. "signature_invalid" or "timestamp_stale".</summary>
    public string Reason { get; }

    /// <summary>
    /// True when the callback could not be shown to come from the channel (signature, signing key or
    /// timestamp), as opposed to a genuine callback whose content could not be used.
    /// </summary>
    public bool IsAuthenticationFailure { get; private init; }

    /// <summary>A rejection because the callback's origin could not be verified.</summary>
    public static ChannelNotificationException Unauthenticated(string reason) => new(reason) { IsAuthenticationFailure = true };
}
