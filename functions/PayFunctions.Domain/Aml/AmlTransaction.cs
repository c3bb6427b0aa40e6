namespace PayFunctions.Domain.Aml;

/// <summary>One succeeded payment as anti-money-laundering monitoring reads it.</summary>
/// <param name="Id">The payment id.</param>
/// <param name="At">When the channel booked it (paid), else when it completed.</param>
/// <param name="MerchantId">The merchant it was paid to.</param>
/// <param name="PayerId">The payer's pseudonym (the same payer always has the same one), or null when the payer is unknown.</param>
/// <param name="Amount">What the payer paid.</param>
/// <param name="Method">The payment method, the channel's name, a dot and the method's.</param>
/// <param name="CrossBorder">The payer is located outside the Chinese mainland, so the payment is a cross-border transfer for the payer.</param>
/// <param name="Receivers">Who the money went to: the merchant and split recipients with their shares (the platform's fee is not a receiver).</param>
public sealed record AmlTransaction(
    string Id, DateTimeOffset At, string MerchantId, string? PayerId, Money Amount, string Method, bool CrossBorder, IReadOnlyList<AmlReceiver> Receivers);

/// <summary>A receiver's share of a payment.</summary>
/// <param name="AccountId">The merchant's id or a connected account's id.</param>
/// <param name="Share">Its share (in the settlement currency when the payment was converted).</param>
/// <param name="NaturalPerson">An individual's account (a company's, and every merchant, is a non-natural person's).</param>
/// <param name="IsMerchant">The paying merchant itself rather than one of its connected accounts.</param>
public sealed record AmlReceiver(string AccountId, Money Share, bool NaturalPerson, bool IsMerchant);

/// <summary>A payout (settlement) to a receiver, for rapid in-and-out.</summary>
/// <param name="Id">The settlement id.</param>
/// <param name="AccountId">The account paid.</param>
/// <param name="Amount">What was paid out.</param>
/// <param name="At">When it was paid out.</param>
public sealed record AmlPayout(string Id, string AccountId, Money Amount, DateTimeOffset At);
