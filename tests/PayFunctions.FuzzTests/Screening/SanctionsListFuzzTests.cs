using PayFunctions.FuzzTargets;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Screening;

/// <summary>
/// The sanctions list files (<see cref="ScreeningTargets"/>): each seed is read with its parties, and every mutation
/// is read to the end, indexed and screened, or refused with the documented <see cref="FormatException"/>.
/// </summary>
public sealed class SanctionsListFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 3_000;

    [Fact]
    public void OfacSdn() => Run("sanctions_ofac_sdn");

    [Fact]
    public void UnConsolidated() => Run("sanctions_un_consolidated");

    private void Run(string target)
    {
        using var call = FuzzTargetTable.Named(target).Open();
        var seeds = Corpus.Seeds(target);
        Assert.NotEmpty(seeds);
        Assert.All(seeds, seed => Assert.True(call.Run(seed)));

        Fuzz.Run(output, target, Cases, Corpus.All(target), Mutations.Of(seeds), file => call.Run(file), b => Convert.ToBase64String(b));
    }
}
