using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// Screens a party's name against the lists in use and records each hit for review. Screening never refuses anything
/// itself: a hit holds the party's payouts (<see cref="PayoutBlocks"/>) until an operator dismisses it.
/// </summary>
public sealed partial class SanctionsScreener(
    SanctionsIndex index, ScreeningHitStore hits, PayoutBlocks blocks, IOptions<ScreeningOptions> options, TimeProvider time, ILogger<SanctionsScreener> logger)
    : IPartyScreener
{
    /// <summary>The party's hits as they stand after this screening (none while no list is loaded).</summary>
    public async Task<IReadOnlyList<ScreeningHitEntity>> ScreenAsync(ScreenedParty party, CancellationToken cancellationToken) =>
        await ScreenAsync(await index.CurrentAsync(cancellationToken), party, cancellationToken);

    /// <summary>As <see cref="ScreenAsync(ScreenedParty, CancellationToken)"/>, against <paramref name="lists"/> (null: nothing is screened).</summary>
    public async Task<IReadOnlyList<ScreeningHitEntity>> ScreenAsync(ScreeningIndex? lists, ScreenedParty party, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (lists is null || party.Name.Length == 0)
        {
            return [];
        }

        // Longer names are refused by the index; the parties' own limits are far below it, and the start of a name is what it is known by.
        var name = party.Name.Length > NameNormalizer.MaxLength ? party.Name[..NameNormalizer.MaxLength] : party.Name;
        var found = lists.Screen(name, options.Value.Threshold).Hits;
        if (found.Count == 0)
        {
            return [];
        }

        var recorded = new List<ScreeningHitEntity>(found.Count);
        foreach (var hit in found)
        {
            var stored = await hits.RecordAsync(party, hit, time.GetUtcNow(), cancellationToken);
            recorded.Add(stored);
            LogHit(logger, stored.RowKey, party.Type, party.Id, stored.ListSource, stored.EntryId, stored.Score, stored.Status);
        }

        blocks.Forget();
        return recorded;
    }

    [LoggerMessage(EventId = 8304, Level = LogLevel.Warning, Message = "Screening hit {HitId}: {PartyType} {PartyId} against {Source} entry {EntryId}, score {Score}, {Status}")]
    private static partial void LogHit(ILogger logger, string hitId, string partyType, string partyId, string source, string entryId, double score, string status);
}
