using PayFunctions.Domain;

namespace PayFunctions.Channels;

/// <summary>
/// One merchant account at a payment channel, as the platform sees it: place an order, ask for its
/// state, close, cancel or refund it, and turn the channel's signed callback into a verified
/// <see cref="ChannelNotification"/>. An operation the channel's <see cref="ChannelCapabilities"/>
/// does not declare throws <see cref="NotSupportedException"/>.
/// </summary>
public interface IPaymentChannel
{
    /// <summary>The stable channel name used in ids, dedupe keys and routing, as its module declares it.</summary>
    string Name { get; }

    /// <summary>Creates the order at the channel and returns what the payer does next.</summary>
    /// <exception cref="ChannelException">The channel refused the order or could not be reached.</exception>
    Task<PrepayResult> PrepayAsync(PrepayRequest request, CancellationToken cancellationToken);

    /// <summary>Reads the channel's current view of the order.</summary>
    /// <exception cref="ChannelException">The channel refused the query or could not be reached.</exception>
    Task<ChannelOrder> QueryAsync(ChannelOrderRef order, CancellationToken cancellationToken);

    /// <summary>Closes an unpaid order so that it can no longer be paid.</summary>
    /// <exception cref="ChannelException">The channel refused the close or could not be reached.</exception>
    Task<CloseOutcome> CloseAsync(ChannelOrderRef order, CancellationToken cancellationToken);

    /// <summary>Cancels (reverses) an order whatever its state: an unpaid order is closed, a paid one refunded in full.</summary>
    /// <exception cref="ChannelException">The channel refused the cancel or could not be reached.</exception>
    Task<CloseOutcome> CancelAsync(ChannelOrderRef order, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} does not cancel orders.");

    /// <summary>
    /// Captures <paramref name="amount"/> (at most the authorized amount) of an authorized order, releasing the rest; capturing
    /// again what was captured is the same capture. Returns the order as the channel now sees it.
    /// </summary>
    /// <exception cref="ChannelException">The channel refused the capture or could not be reached.</exception>
    Task<ChannelOrder> CaptureAsync(ChannelOrderRef order, Money amount, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} does not capture authorizations.");

    /// <summary>Asks the channel to refund a paid order; repeating the same refund number is the same refund.</summary>
    /// <exception cref="ChannelException">The channel refused the refund or could not be reached.</exception>
    Task<ChannelRefund> RefundAsync(ChannelRefundRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} does not refund.");

    /// <summary>Reads the channel's current view of a refund.</summary>
    /// <exception cref="ChannelException">The channel refused the query or could not be reached.</exception>
    Task<ChannelRefund> QueryRefundAsync(ChannelOrderRef order, string outRefundNo, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} does not query refunds.");

    /// <summary>
    /// Downloads the account's statement of <paramref name="day"/> (the channel's own calendar day) as the channel serves
    /// it, uncompressed, for the module's <see cref="IChannelStatementFormat.ReadAsync"/>. The caller disposes the stream;
    /// it is read once, front to back, so an adapter may hand out the network stream itself.
    /// </summary>
    /// <exception cref="ChannelException">The channel refused the download, has no statement for the day yet, or could not be reached.</exception>
    Task<Stream> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} does not serve statements.");

    /// <summary>
    /// Fetches ahead what verifying the callback needs that the adapter cannot hold before it arrives (a signing
    /// certificate the callback names), so that <see cref="ParseNotification"/> stays synchronous. Called before it for
    /// every callback; nothing by default.
    /// </summary>
    /// <exception cref="ChannelNotificationException">What the callback names cannot be had now.</exception>
    Task PrepareNotificationAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Verifies the callback's signature over the raw body and its freshness, then decrypts and maps
    /// it. A callback signed for another account of the channel is an authentication failure.
    /// </summary>
    /// <exception cref="ChannelNotificationException">Anything about the callback is wrong.</exception>
    ChannelNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body);

    /// <summary>What to answer the channel once the notification is durably committed.</summary>
    ChannelReply SuccessReply { get; }

    /// <summary>What to answer when the notification could not be processed, so that the channel retries.</summary>
    ChannelReply FailureReply(string message);
}
