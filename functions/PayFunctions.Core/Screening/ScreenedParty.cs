namespace PayFunctions.Core.Screening;

/// <summary>Someone the platform pays or is paid by, screened by name: a merchant (its own id as merchant) or a connected account.</summary>
public sealed record ScreenedParty(string Type, string Id, string MerchantId, string Name)
{
    public static ScreenedParty Merchant(string merchantId, string name) => new(ScreenedPartyTypes.Merchant, merchantId, merchantId, name);

    public static ScreenedParty Account(string merchantId, string accountId, string name) => new(ScreenedPartyTypes.Account, accountId, merchantId, name);
}
