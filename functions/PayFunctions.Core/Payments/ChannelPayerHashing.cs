using System.Security.Cryptography;
using System.Text;
using PayFunctions.Channels;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Turns a channel's answer or callback into the <see cref="ChannelPaymentEvent"/> a payment's orchestration takes in,
/// with what the channel reported of the payer: the payer's account (an openid, a wallet's user id, a payer id, an
/// IBAN) is personal data and the event travels in Durable history, so it enters as a keyed hash, HMAC-SHA256 under a
/// key derived from the platform's pepper (<see cref="PepperKeys"/>). Risk only asks whether two payments share a payer,
/// which the hash answers without the account; nothing needs the account back, and the history cannot leak it. The bank
/// or funding code, the country and a card's fingerprint stay clear: none names a person.
/// </summary>
public sealed class ChannelPayerHashing(ISecretStore secrets)
{
    private static readonly byte[] KeyLabel = Encoding.ASCII.GetBytes("payfunctions payer account v1");

    /// <summary>The channel's answer about an order (a query, a capture, an answered barcode payment) as the orchestration's event.</summary>
    public async Task<ChannelPaymentEvent> EventOfAsync(ChannelOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new ChannelPaymentEvent(order.ChannelTradeNo ?? "", order.State, order.PaidAt, order.Amount?.MinorUnits, order.Amount?.Currency.Code)
        {
            Payer = await HashAsync(order.Payer, cancellationToken),
        };
    }

    /// <summary>A verified callback about an order as the orchestration's event.</summary>
    public async Task<ChannelPaymentEvent> EventOfAsync(ChannelNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new ChannelPaymentEvent(
            notification.ChannelTradeNo, notification.State, notification.PaidAt, notification.Amount.MinorUnits, notification.Amount.Currency.Code)
        {
            Payer = await HashAsync(notification.Payer, cancellationToken),
        };
    }

    /// <summary>
    /// The payer with the account replaced by its keyed hash (64 lower-case hex digits); the same account always hashes the
    /// same while the pepper stays, so a merchant's or an operator's copy of an account can be compared by hashing it too.
    /// </summary>
    public async Task<ChannelPayer?> HashAsync(ChannelPayer? payer, CancellationToken cancellationToken)
    {
        if (payer?.Account is not { } account)
        {
            return payer;
        }

        var key = await PepperKeys.DeriveAsync(secrets, KeyLabel, cancellationToken);
        return payer with { Account = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(account))) };
    }
}
