namespace PayFunctions.Core.Screening;

/// <summary>How stored lists and hits read in the operator API.</summary>
public static class ScreeningResources
{
    public static ListResource List(SanctionsListInfo list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new ListResource("sanctions_list", SanctionsListCodes.Of(list.Source), list.Entries, list.Names, list.Sha256, list.UploadedAt);
    }

    public static HitResource Hit(ScreeningHitEntity hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new HitResource(
            hit.RowKey,
            "screening_hit",
            hit.Status,
            new PartyResource(hit.PartyType, hit.PartyId, hit.MerchantId, hit.PartyName),
            new EntryResource(hit.ListSource, hit.EntryId, hit.EntryReference, hit.EntryName, hit.Programmes.Length == 0 ? [] : hit.Programmes.Split(',')),
            hit.MatchedName,
            hit.MatchedQuality,
            hit.Score,
            hit.CreatedAt,
            hit.ReviewedAt is { } at ? new ReviewResource(hit.Status == ScreeningHitStatuses.Confirmed ? "confirm" : "dismiss", hit.ReviewedBy ?? "", hit.ReviewNote ?? "", at) : null);
    }

    public sealed record ListResource(string Object, string Source, int Entries, int Names, string Sha256, DateTimeOffset UploadedAt);

    public sealed record HitResource(
        string Id,
        string Object,
        string Status,
        PartyResource Party,
        EntryResource ListEntry,
        string MatchedName,
        string MatchedNameQuality,
        double Score,
        DateTimeOffset CreatedAt,
        ReviewResource? Review);

    public sealed record PartyResource(string Type, string Id, string Merchant, string Name);

    public sealed record EntryResource(string Source, string Id, string? Reference, string Name, IReadOnlyList<string> Programmes);

    public sealed record ReviewResource(string Decision, string ReviewedBy, string Note, DateTimeOffset ReviewedAt);
}
