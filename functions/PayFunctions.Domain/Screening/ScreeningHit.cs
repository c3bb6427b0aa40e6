namespace PayFunctions.Domain.Screening;

/// <summary>
/// A listed party whose name, or one of whose aliases, scored at or above the threshold against the screened name:
/// the best-scoring of its names, which one it was and how much the list trusts it.
/// </summary>
public sealed record ScreeningHit(SanctionsEntry Entry, string MatchedName, NameQuality Quality, double Score);

/// <summary>
/// The hits of one screened name, best first, and how many listed names were scored to find them (the rest of the
/// list shared no blocking key with the name).
/// </summary>
public sealed record ScreeningResult(IReadOnlyList<ScreeningHit> Hits, int NamesScored);
