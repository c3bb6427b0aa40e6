using PayFunctions.Core.Screening;

namespace PayFunctions.Core.Tests.Screening;

/// <summary>A screener that records the parties it is asked about and answers each with a hit in <see cref="Status"/>, or none.</summary>
internal sealed class RecordingScreener : IPartyScreener
{
    public List<ScreenedParty> Asked { get; } = [];

    /// <summary>The status of the hit each party gets; null for no hit.</summary>
    public string? Status { get; init; }

    public Task<IReadOnlyList<ScreeningHitEntity>> ScreenAsync(ScreenedParty party, CancellationToken cancellationToken)
    {
        Asked.Add(party);
        IReadOnlyList<ScreeningHitEntity> hits = Status is { } status
            ? [new ScreeningHitEntity { PartyType = party.Type, PartyId = party.Id, MerchantId = party.MerchantId, PartyName = party.Name, Status = status }]
            : [];
        return Task.FromResult(hits);
    }
}
