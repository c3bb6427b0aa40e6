using System.Text;
using CsCheck;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Stores;
using PayFunctions.Domain;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Api;

/// <summary>
/// The API's JSON bodies through <see cref="RequestBody.Parse{T}"/> and each endpoint's validator: whatever the bytes,
/// the answer is a value or a 4xx problem, never an exception (which the hosts would turn into a 500).
/// </summary>
public sealed class RequestBodyFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 12_000;

    [Fact]
    public void CreatePayment() => Run<CreatePaymentRequest>("json_create_payment", r => CreatePaymentValidator.Validate(r, new FeeSchedule(60, 10)).Error);

    [Fact]
    public void CreateAccount() => Run<CreateAccountRequest>("json_create_account", r => CreateAccountValidator.Validate(r).Error);

    [Fact]
    public void CreateRefund() => Run<CreateRefundRequest>("json_create_refund", r => CreateRefundValidator.Validate(r).Error);

    [Fact]
    public void RoutingPolicy() => Run<RoutingPolicyBody>("json_routing_policy", r => RoutingPolicyValidator.Validate(r, _ => true).Error);

    [Fact]
    public void SmallBodies() => Run<CreateStoreRequest>("json_small_bodies", r => r.Validate().Error, also: body =>
    {
        AssertProblemOrValue(RequestBody.Parse<CreateApiKeyRequest>(body).Error);
        AssertProblemOrValue(RequestBody.Parse<RollApiKeyRequest>(body).Error);
        AssertProblemOrValue(RequestBody.Parse<CreateMerchantRequest>(body).Error);
    });

    /// <summary>Generated strings reach the validators too: a strict read that a valid body passes.</summary>
    [Fact]
    public void StrictRead_AcceptsEveryCleanDocument()
    {
        var clean = Gen.Char['\u0020', '\uD7FF'].Array[0, 64].Select(c => new string([.. c.Select(x => char.IsControl(x) ? '.' : x)]));
        var document = Gen.Select(clean, clean, Gen.Long, Gen.Bool, (key, value, number, flag) =>
            Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["k" + key] = value, ["n"] = number, ["b"] = flag, ["a"] = new[] { value } })));

        Fuzz.Run(output, "json_strict_read_clean", Cases, [], document, body => Assert.Null(StrictJson.Check(body)), b => Encoding.UTF8.GetString(b));
    }

    private void Run<T>(string target, Func<T, ApiError?> validate, Action<byte[]>? also = null)
        where T : class
    {
        var seeds = Corpus.Seeds(target);
        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            var (value, error) = RequestBody.Parse<T>(seed);
            Assert.True(error is null, $"{target}: a seed does not parse: {error}");
            Assert.Null(validate(value!));
        }

        Fuzz.Run(output, target, Cases, Corpus.All(target), Mutations.Of(seeds), body =>
        {
            var (value, error) = RequestBody.Parse<T>(body);
            AssertProblemOrValue(error);
            if (value is not null)
            {
                AssertProblemOrValue(validate(value));
            }

            also?.Invoke(body);
        }, b => Encoding.UTF8.GetString(b));
    }

    private static void AssertProblemOrValue(ApiError? error)
    {
        if (error is not null)
        {
            Assert.InRange(error.Status, 400, 499);
            Assert.False(string.IsNullOrEmpty(error.Code));
            Assert.NotNull(error.ToJson());
        }
    }
}
