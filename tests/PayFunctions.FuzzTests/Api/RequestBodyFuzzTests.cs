using System.Text;
using CsCheck;
using PayFunctions.Core.Http;
using PayFunctions.FuzzTargets;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Api;

/// <summary>
/// The API's JSON bodies through <see cref="RequestBody.Parse{T}"/> and each endpoint's validator (<see cref="ApiTargets"/>):
/// each seed parses and validates, and whatever the bytes, the answer is a value or a 4xx problem, never an exception
/// (which the hosts would turn into a 500).
/// </summary>
public sealed class RequestBodyFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 12_000;

    [Fact]
    public void CreatePayment() => Run("json_create_payment");

    [Fact]
    public void CreateAccount() => Run("json_create_account");

    [Fact]
    public void CreateRefund() => Run("json_create_refund");

    [Fact]
    public void RoutingPolicy() => Run("json_routing_policy");

    [Fact]
    public void SmallBodies() => Run("json_small_bodies");

    /// <summary>Generated strings reach the validators too: a strict read that a valid body passes.</summary>
    [Fact]
    public void StrictRead_AcceptsEveryCleanDocument()
    {
        var clean = Gen.Char['\u0020', '\uD7FF'].Array[0, 64].Select(c => new string([.. c.Select(x => char.IsControl(x) ? '.' : x)]));
        var document = Gen.Select(clean, clean, Gen.Long, Gen.Bool, (key, value, number, flag) =>
            Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["k" + key] = value, ["n"] = number, ["b"] = flag, ["a"] = new[] { value } })));

        Fuzz.Run(output, "json_strict_read_clean", Cases, [], document, body => Assert.Null(StrictJson.Check(body)), b => Encoding.UTF8.GetString(b));
    }

    private void Run(string target)
    {
        using var call = FuzzTargetTable.Named(target).Open();
        var seeds = Corpus.Seeds(target);
        Assert.NotEmpty(seeds);
        Assert.All(seeds, seed => Assert.True(call.Run(seed), $"{target}: a seed does not parse or validate: {Encoding.UTF8.GetString(seed)}"));

        Fuzz.Run(output, target, Cases, Corpus.All(target), Mutations.Of(seeds), body => call.Run(body), b => Encoding.UTF8.GetString(b));
    }
}
