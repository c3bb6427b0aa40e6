using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Screening;

/// <summary>
/// One party's match against one list entry (partition <see cref="ScreeningHitStore.Partition"/>, row = the hit's id),
/// with the names that matched and how it was reviewed.
/// </summary>
public sealed class ScreeningHitEntity : TableRow
{
    /// <summary><see cref="ScreenedPartyTypes"/>.</summary>
    public string PartyType { get; set; } = "";

    /// <summary>The merchant's id, the connected account's, or for a payer the payment's.</summary>
    public string PartyId { get; set; } = "";

    /// <summary>The merchant the party is or belongs to (a payer's: the payment's merchant, when the result named it).</summary>
    public string MerchantId { get; set; } = "";

    /// <summary>The name screened, as the party gave it.</summary>
    public string PartyName { get; set; } = "";

    /// <summary><see cref="SanctionsListCodes"/>.</summary>
    public string ListSource { get; set; } = "";

    public string EntryId { get; set; } = "";

    public string? EntryReference { get; set; }

    public string EntryName { get; set; } = "";

    /// <summary>The entry's programmes (OFAC) or regime (UN), comma-separated.</summary>
    public string Programmes { get; set; } = "";

    public string MatchedName { get; set; } = "";

    /// <summary>primary, strong or weak: how much the list trusts the name that matched.</summary>
    public string MatchedQuality { get; set; } = "";

    public double Score { get; set; }

    /// <summary>The SHA-256 of the entry's names when the hit was last raised: a dismissed hit is raised again only when they change.</summary>
    public string EntryNamesHash { get; set; } = "";

    /// <summary><see cref="ScreeningHitStatuses"/>.</summary>
    public string Status { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }
}

public static class ScreeningHitStatuses
{
    /// <summary>Found, not yet reviewed: payouts to the party (a payer: the payment's money) are held.</summary>
    public const string PendingReview = "pending_review";

    /// <summary>An operator found the party is the listed one: payouts (a payer: the payment's money) stay held.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>An operator found the party is someone else: payouts resume (a payer's payment may be released).</summary>
    public const string Dismissed = "dismissed";

    public static bool IsKnown(string status) => status is PendingReview or Confirmed or Dismissed;

    /// <summary>Whether a hit in this status holds the party's payouts.</summary>
    public static bool Blocks(string status) => status != Dismissed;
}

public static class ScreenedPartyTypes
{
    public const string Merchant = "merchant";
    public const string Account = "account";

    /// <summary>
    /// A payment's payer, by the name the channel reported with its result: a hit freezes that payment's money (held
    /// from settlement, not refunded) and holds nobody's payouts.
    /// </summary>
    public const string Payer = "payer";
}
