namespace PayFunctions.Channels;

/// <summary>What placing an order at a channel achieved.</summary>
public enum PrepayStatus
{
    /// <summary>The order is open at the channel and <see cref="PrepayResult.QrCodeContent"/> is what the payer scans.</summary>
    Placed,

    /// <summary>
    /// The channel already has this order number and refused to place it again: it was paid, or placed
    /// with other parameters. Only a query tells what happened to it; it is never a decline.
    /// </summary>
    AlreadyAtChannel,
}

/// <summary>The result of creating an order at a channel.</summary>
/// <param name="Status">Whether the order was placed now or already existed.</param>
/// <param name="QrCodeContent">For a placed order, the text to render as a QR code for the payer to scan (WeChat Pay's <c>code_url</c>).</param>
/// <param name="ChannelCode">For an order that already existed, the channel's answer, e.g. "ORDERPAID".</param>
public sealed record PrepayResult(PrepayStatus Status, string? QrCodeContent, string? ChannelCode)
{
    /// <summary>An order placed now, with what the payer scans.</summary>
    public static PrepayResult Placed(string qrCodeContent) => new(PrepayStatus.Placed, qrCodeContent, null);

    /// <summary>An order number the channel already holds, with the channel's answer.</summary>
    public static PrepayResult AlreadyAtChannel(string channelCode) => new(PrepayStatus.AlreadyAtChannel, null, channelCode);
}
