namespace PayFunctions.Channels.UnionPay;

/// <summary>
/// The payer as a consume's notification or query answer reports them, when the merchant's configuration has UnionPay
/// return it: <c>payCardType</c>, the kind of account paid from (01 debit, 02 credit, 03 quasi-credit, 04 debit and
/// credit, 05 prepaid, 06 semi-open prepaid; 00 unknown is not kept). <c>accNo</c> is the card number (masked, or
/// encrypted) and is never read; <c>payCardNo</c> identifies the card of a mobile payment and is not read either.
/// UnionPay names no payer account and no country.
/// </summary>
internal static class UnionPayPayer
{
    public static ChannelPayer? Of(IReadOnlyDictionary<string, string> fields) =>
        fields.GetValueOrDefault("payCardType") is { } cardType && cardType is "01" or "02" or "03" or "04" or "05" or "06"
            ? ChannelPayers.From(null, cardType, null, null)
            : null;
}
