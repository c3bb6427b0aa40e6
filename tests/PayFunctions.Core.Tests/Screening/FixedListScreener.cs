using PayFunctions.Core.Screening;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Tests.Screening;

/// <summary>The platform's screener against a list the test chose, so that no list stored on the shared emulator changes what it finds.</summary>
internal sealed class FixedListScreener(SanctionsScreener screener, ScreeningIndex lists) : IPartyScreener
{
    public Task<IReadOnlyList<ScreeningHitEntity>> ScreenAsync(ScreenedParty party, CancellationToken cancellationToken) =>
        screener.ScreenAsync(lists, party, cancellationToken);
}
