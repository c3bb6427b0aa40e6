namespace PayFunctions.Channels;

/// <summary>
/// What a channel reported of the payer with a payment's result; each part only when the channel says it. Build it with
/// <see cref="ChannelPayers.From"/>, which drops whatever is not a well-formed value of its kind.
/// </summary>
/// <param name="Account">The payer's account at the channel (an openid, a user id, a payer id, …).</param>
/// <param name="Bank">The channel's code of the bank or funding source (a bank type, a fund channel, a card's brand and funding, …).</param>
/// <param name="Country">ISO 3166-1 alpha-2 the channel reports (a card's issuing country, a wallet account's country).</param>
/// <param name="CardFingerprint">The channel's stable fingerprint of the card, for card channels.</param>
public sealed record ChannelPayer(string? Account, string? Bank, string? Country, string? CardFingerprint)
{
    /// <summary>
    /// The payer's name as the channel's protocol carries it (a bank credit's debtor, a wallet account's holder). It names
    /// a person, so it is for screening at the moment the result arrives and is not kept with the payment.
    /// </summary>
    public string? Name { get; init; }
}
