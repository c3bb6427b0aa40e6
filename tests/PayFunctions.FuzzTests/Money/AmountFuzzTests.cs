using System.Text;
using CsCheck;
using PayFunctions.FuzzTargets;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Money;

/// <summary>
/// Every parser of an amount or currency written by someone else (<see cref="MoneyTargets"/>): false or an exact,
/// non-negative amount that formats back to itself. Mutated amounts and, one time in four, any string.
/// </summary>
public sealed class AmountFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 10_000;

    private static readonly Gen<byte[]> Inputs =
        Gen.Frequency((3, Mutations.OfText(Corpus.SeedTexts("money_amounts").Select(t => t.TrimEnd('\n')).ToList())), (1, Gen.String)).Select(Encoding.UTF8.GetBytes);

    [Fact]
    public void AmountsAndCurrencies()
    {
        using var call = MoneyTargets.Amounts.Open();
        var replay = Corpus.All("money_amounts").Select(b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).TrimEnd('\n')));
        Fuzz.Run(output, "money_amounts", Cases, replay, Inputs, text => call.Run(text), b => Encoding.UTF8.GetString(b));
    }
}
