using BenchmarkDotNet.Attributes;
using PayFunctions.Domain.Screening;
using PayFunctions.Domain.Tests.Screening;

namespace PayFunctions.Benchmarks;

/// <summary>
/// One screening query against an index of <see cref="Entries"/> generated parties (the size of the SDN list, with
/// aliases): a listed name given in another order with a spelling changed, and a name that is not listed. The
/// index is built once; the blocking keys keep a query to the names that share its tokens.
/// </summary>
[MemoryDiagnoser]
public class ScreeningBenchmarks
{
    private ScreeningIndex index = null!;
    private string listed = null!;

    [Params(20_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = ScreeningListGenerator.Generate(Entries, 11);
        index = ScreeningIndex.Build(entries);
        var tokens = NameNormalizer.Tokens(entries[4_321].PrimaryName);
        listed = string.Join(' ', tokens.Reverse()) + "e";
    }

    /// <summary>Prints how much of the index each query scores and what it hits, before the timing.</summary>
    public void Describe()
    {
        Setup();
        foreach (var (what, result) in new[] { ("listed", Listed()), ("unlisted", Unlisted()) })
        {
            Console.WriteLine($"{what}: {result.NamesScored} of {index.NameCount} names scored ({index.EntryCount} entries), {result.Hits.Count} hit(s)");
        }
    }

    [Benchmark(Description = "screen a listed name, reordered and misspelt")]
    public ScreeningResult Listed() => index.Screen(listed);

    [Benchmark(Description = "screen an unlisted name")]
    public ScreeningResult Unlisted() => index.Screen("Maria Fernanda Garcia Lopez");
}
