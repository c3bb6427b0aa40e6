namespace PayFunctions.Channels;

/// <summary>
/// Implemented by the adapter of a channel that reports money by files rather than callbacks (a bank's ISO 20022
/// account notifications and statements), dropped into the platform's inbox as <c>{channel}/{account}/{file}</c>.
/// The platform hands each file to the account's adapter and feeds what it reads through the same path as a
/// verified callback: dedupe by event id, amount check, late payments.
/// </summary>
public interface IChannelNotificationFiles
{
    /// <summary>The largest file the platform reads; a larger one is quarantined unread.</summary>
    long MaxFileBytes { get; }

    /// <summary>
    /// Reads every movement of <paramref name="file"/> as a notification, or none: a file that is not this account's, or
    /// is damaged anywhere, throws before anything is returned, so it is never half applied. Each notification's amount is
    /// the money that moved, which the platform cannot refuse: one of another amount is booked, not rejected.
    /// </summary>
    /// <exception cref="ChannelNotificationException">The file cannot be used; nothing in it may change any state.</exception>
    Task<IReadOnlyList<ChannelNotification>> ReadAsync(Stream file, CancellationToken cancellationToken);
}
