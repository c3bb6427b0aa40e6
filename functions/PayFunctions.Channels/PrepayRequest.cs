using PayFunctions.Domain;

namespace PayFunctions.Channels;

/// <summary>An order to create at a channel.</summary>
/// <param name="OutTradeNo">The platform's order number, unique per merchant account at the channel.</param>
/// <param name="Amount">The amount to collect.</param>
/// <param name="Description">The goods description the payer sees.</param>
/// <param name="ExpiresAt">After this instant the channel refuses payment.</param>
/// <param name="NotifyUrl">Where the channel posts the payment result.</param>
/// <param name="Attach">Opaque data the channel echoes back in queries and notifications.</param>
public sealed record PrepayRequest(string OutTradeNo, Money Amount, string Description, DateTimeOffset ExpiresAt, Uri NotifyUrl, string? Attach);
