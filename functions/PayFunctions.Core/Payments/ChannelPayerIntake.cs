using System.Security.Cryptography;
using System.Text;
using PayFunctions.Channels;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Turns a channel's answer or callback into the <see cref="ChannelPaymentEvent"/> a payment's orchestration takes in,
/// with what the channel reported of the payer. The event travels in Durable history, so nothing in it may name a
/// person. The payer's name is screened against the sanctions lists here (<see cref="IPartyScreener"/>, as the payer
/// of the payment) and dropped: the event says only whether it hit, and the hit, kept for review, is what holds the
/// payment's money. The payer's account (an openid, a wallet's user id, a payer id, an IBAN) enters as a keyed hash,
/// HMAC-SHA256 under a key derived from the platform's pepper (<see cref="PepperKeys"/>): risk only asks whether two
/// payments share a payer, which the hash answers without the account, and nothing needs the account back. The bank
/// or funding code, the country and a card's fingerprint stay clear: none names a person.
/// </summary>
public sealed class ChannelPayerIntake(ISecretStore secrets, IPartyScreener screener)
{
    private static readonly byte[] KeyLabel = Encoding.ASCII.GetBytes("payfunctions payer account v1");

    /// <summary>
    /// The channel's answer about an order (a query, a capture, an answered barcode payment) as the orchestration's event.
    /// </summary>
    /// <param name="merchantId">The payment's merchant, for the hit's record; null when the caller does not know it.</param>
    /// <param name="paymentId">The payment the answer is about: the payer screened is this payment's.</param>
    public async Task<ChannelPaymentEvent> EventOfAsync(ChannelOrder order, string? merchantId, string paymentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var bare = new ChannelPaymentEvent(order.ChannelTradeNo ?? "", order.State, order.PaidAt, order.Amount?.MinorUnits, order.Amount?.Currency.Code);
        return await WithPayerAsync(bare, order.Payer, merchantId, paymentId, cancellationToken);
    }

    /// <summary>A verified callback about an order as the orchestration's event.</summary>
    /// <param name="merchantId">The payment's merchant, for the hit's record.</param>
    /// <param name="paymentId">The payment the callback is about: the payer screened is this payment's.</param>
    public async Task<ChannelPaymentEvent> EventOfAsync(ChannelNotification notification, string? merchantId, string paymentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var bare = new ChannelPaymentEvent(
            notification.ChannelTradeNo, notification.State, notification.PaidAt, notification.Amount.MinorUnits, notification.Amount.Currency.Code);
        return await WithPayerAsync(bare, notification.Payer, merchantId, paymentId, cancellationToken);
    }

    /// <summary>
    /// The payer with the account replaced by its keyed hash (64 lower-case hex digits); the same account always hashes the
    /// same while the pepper stays, so a merchant's or an operator's copy of an account can be compared by hashing it too.
    /// A name is not kept, screened or not.
    /// </summary>
    public async Task<ChannelPayer?> HashAsync(ChannelPayer? payer, CancellationToken cancellationToken)
    {
        var unnamed = payer is null ? null : payer with { Name = null };
        if (unnamed is { Account: null, Bank: null, Country: null, CardFingerprint: null })
        {
            return null;
        }

        if (unnamed?.Account is not { } account)
        {
            return unnamed;
        }

        var key = await PepperKeys.DeriveAsync(secrets, KeyLabel, cancellationToken);
        return unnamed with { Account = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(account))) };
    }

    /// <summary>
    /// The event with its payer as it may travel, and whether the payer's name hit: a hit pending review or confirmed
    /// (a dismissed one, found again by a repeated result, no longer holds anything). Screening the same result again
    /// finds the same hits, whose ids are the payment and the list entry, so it records nothing new.
    /// </summary>
    private async Task<ChannelPaymentEvent> WithPayerAsync(
        ChannelPaymentEvent bare, ChannelPayer? payer, string? merchantId, string paymentId, CancellationToken cancellationToken)
    {
        var hit = payer?.Name is { } name
            && (await screener.ScreenAsync(ScreenedParty.Payer(merchantId, paymentId, name), cancellationToken)).Any(h => ScreeningHitStatuses.Blocks(h.Status));
        return bare with { Payer = await HashAsync(payer, cancellationToken), PayerSanctionsHit = hit };
    }
}
