using PayFunctions.Domain;

namespace PayFunctions.Channels.Stripe;

/// <summary>
/// Stripe's amounts are integers in the currency's smallest unit, as the platform's are (cents for USD, yen for JPY), with
/// lower-case ISO codes.
/// </summary>
internal static class StripeAmounts
{
    public static Money ToMoney(long amount, string? currency) =>
        Currency.TryParse(currency, out var parsed)
            ? new Money(amount, parsed)
            : throw new ChannelException($"Stripe answered in an unsupported currency '{currency}'.", StripeFailures.ResponseMalformed, 200, isTransient: false);
}
