using Stripe;

namespace PayFunctions.Channels.Stripe;

/// <summary>
/// The payer as a charge shows them, from <c>payment_method_details.card</c>: <c>fingerprint</c> (the same card gives the
/// same one within the account), <c>country</c> (where the card was issued) and <c>brand</c>/<c>funding</c> as the bank
/// (e.g. <c>visa/credit</c>). A card payer has no account at Stripe. The last four digits are not taken.
/// </summary>
internal static class StripePayer
{
    public static ChannelPayer? Of(Charge? charge)
    {
        if (charge?.PaymentMethodDetails?.Card is not { } card)
        {
            return null;
        }

        var bank = card.Brand is { Length: > 0 } brand
            ? card.Funding is { Length: > 0 } funding ? brand + "/" + funding : brand
            : null;
        return ChannelPayers.From(null, bank, card.Country, card.Fingerprint);
    }
}
