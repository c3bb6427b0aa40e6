using PayFunctions.FuzzTargets;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Reports;

/// <summary>
/// The operator's IP-to-region upload (<see cref="ReportTargets"/>): each seed is read, and every mutation is read
/// whole or refused with the documented <see cref="FormatException"/>.
/// </summary>
public sealed class IpRegionFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 5_000;

    [Fact]
    public void IpRegionDatabase()
    {
        const string target = "ip_regions";
        using var call = FuzzTargetTable.Named(target).Open();
        var seeds = Corpus.Seeds(target);
        Assert.NotEmpty(seeds);
        Assert.All(seeds, seed => Assert.True(call.Run(seed)));

        Fuzz.Run(output, target, Cases, Corpus.All(target), Mutations.Of(seeds), file => call.Run(file), b => Convert.ToBase64String(b));
    }
}
