using PayFunctions.Domain;

namespace PayFunctions.Channels;

/// <summary>An order to create at a channel.</summary>
/// <param name="OutTradeNo">The platform's order number, unique per merchant account at the channel.</param>
/// <param name="Method">The payment method, one the channel declares (<c>{channel}.{scenario}</c>).</param>
/// <param name="Amount">The amount to collect.</param>
/// <param name="Description">The goods description the payer sees.</param>
/// <param name="ExpiresAt">After this instant the channel refuses payment.</param>
/// <param name="NotifyUrl">Where the channel posts the payment result.</param>
/// <param name="Attach">Opaque data the channel echoes back in queries and notifications.</param>
public sealed record PrepayRequest(string OutTradeNo, string Method, Money Amount, string Description, DateTimeOffset ExpiresAt, Uri NotifyUrl, string? Attach)
{
    /// <summary>The payer's id at the channel (a WeChat openid), for methods that require it.</summary>
    public string? PayerId { get; init; }

    /// <summary>The code scanned from the payer's phone, for barcode payments.</summary>
    public string? PaymentCode { get; init; }

    /// <summary>Where the channel's page sends the payer back, for redirect methods.</summary>
    public Uri? ReturnUrl { get; init; }

    /// <summary>The payer's IP address, for H5 and mobile web payments.</summary>
    public string? ClientIp { get; init; }

    /// <summary>
    /// Authorize only: the channel holds the money (<see cref="ChannelTradeState.Authorized"/>) until
    /// <see cref="IPaymentChannel.CaptureAsync"/>. Only for channels that declare <see cref="ChannelOperations.Capture"/>.
    /// </summary>
    public bool CaptureLater { get; init; }
}
