namespace PayFunctions.Domain.Risk;

/// <summary>
/// What risk knows of one payment when it decides: what the merchant sent with the payment and, at
/// <see cref="RiskStage.OnResult"/>, what the channel reported of the payer. Every field but the first five may be
/// unknown; a rule about an unknown fact does not fire.
/// </summary>
/// <param name="MerchantId">The merchant (its live or test-mode id) the payment belongs to.</param>
/// <param name="PaymentId">The payment decided on.</param>
/// <param name="Amount">What the payer pays.</param>
/// <param name="Method">The payment method, the channel's name, a dot and the method's.</param>
/// <param name="At">When the payment was created (the windows end here).</param>
/// <param name="PayerId">The payer's id: the merchant's <c>payer.id</c>, or at the result the payer's account at the channel.</param>
/// <param name="PayerIp">The payer's IP address as the merchant sent it.</param>
/// <param name="DeviceId">The merchant's id of the payer's device, when it sends one.</param>
/// <param name="CardFingerprint">The channel's fingerprint of the card paid with, known only at the result.</param>
/// <param name="PayerCountry">ISO 3166-1 alpha-2 the payer declared or the channel reported (a card's issuing country).</param>
/// <param name="IpRegion">Where <paramref name="PayerIp"/> is located: a Chinese province's ISO 3166-2 code or a country's alpha-2.</param>
public sealed record RiskFacts(
    string MerchantId,
    string PaymentId,
    Money Amount,
    string Method,
    DateTimeOffset At,
    string? PayerId,
    string? PayerIp,
    string? DeviceId,
    string? CardFingerprint,
    string? PayerCountry,
    string? IpRegion);

/// <summary>When a payment is decided on.</summary>
public enum RiskStage
{
    /// <summary>Before the order is placed at the channel: a block means no channel call.</summary>
    BeforeChannel,

    /// <summary>On the channel's result, with what the channel reported of the payer.</summary>
    OnResult,
}
