namespace PayFunctions.Channels;

/// <summary>
/// A payment channel as the orchestration sees it: create a payable order, ask for its state, close it,
/// and turn the channel's signed callback into a verified <see cref="ChannelNotification"/>.
/// </summary>
public interface IPaymentChannel
{
    /// <summary>The stable channel name used in ids, dedupe keys and routing, e.g. "wechat_pay".</summary>
    string Name { get; }

    /// <summary>Creates the order at the channel and returns what the payer scans.</summary>
    /// <exception cref="ChannelException">The channel refused the order or could not be reached.</exception>
    Task<PrepayResult> PrepayAsync(PrepayRequest request, CancellationToken cancellationToken);

    /// <summary>Reads the channel's current view of the order.</summary>
    /// <exception cref="ChannelException">The channel refused the query or could not be reached.</exception>
    Task<ChannelOrder> QueryAsync(string outTradeNo, CancellationToken cancellationToken);

    /// <summary>Closes an unpaid order so that it can no longer be paid.</summary>
    /// <exception cref="ChannelException">The channel refused the close or could not be reached.</exception>
    Task<CloseOutcome> CloseAsync(string outTradeNo, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies the signature over the raw body bytes and the freshness of its timestamp, then decrypts
    /// and maps the payload.
    /// </summary>
    /// <exception cref="ChannelNotificationException">Anything about the callback is wrong.</exception>
    ChannelNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body);

    /// <summary>What to answer the channel once the notification is durably committed.</summary>
    ChannelReply SuccessReply { get; }

    /// <summary>What to answer when the notification could not be processed, so that the channel retries.</summary>
    ChannelReply FailureReply(string message);
}
