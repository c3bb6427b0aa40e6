namespace PayFunctions.Core.Screening;

/// <summary>Screens one party's name against the lists in use and records its hits (<see cref="SanctionsScreener"/>).</summary>
public interface IPartyScreener
{
    /// <summary>The party's hits as they stand after this screening (none while no list is loaded).</summary>
    Task<IReadOnlyList<ScreeningHitEntity>> ScreenAsync(ScreenedParty party, CancellationToken cancellationToken);
}
