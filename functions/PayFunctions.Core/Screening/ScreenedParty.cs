namespace PayFunctions.Core.Screening;

/// <summary>
/// Someone the platform pays or is paid by, screened by name: a merchant (its own id as merchant), a connected account,
/// or the payer of one payment (the payment's id, since the platform keeps no payer of its own).
/// </summary>
public sealed record ScreenedParty(string Type, string Id, string MerchantId, string Name)
{
    public static ScreenedParty Merchant(string merchantId, string name) => new(ScreenedPartyTypes.Merchant, merchantId, merchantId, name);

    public static ScreenedParty Account(string merchantId, string accountId, string name) => new(ScreenedPartyTypes.Account, accountId, merchantId, name);

    /// <summary>The payer a channel named with <paramref name="paymentId"/>'s result; the merchant is empty when the result came without it.</summary>
    public static ScreenedParty Payer(string? merchantId, string paymentId, string name) => new(ScreenedPartyTypes.Payer, paymentId, merchantId ?? "", name);
}
