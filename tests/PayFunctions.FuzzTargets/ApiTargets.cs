using PayFunctions.Core.Accounts;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Stores;
using PayFunctions.Domain;

namespace PayFunctions.FuzzTargets;

/// <summary>
/// The API's JSON bodies through <see cref="RequestBody.Parse{T}"/> and each endpoint's validator: whatever the bytes,
/// the answer is a value or a 4xx problem, never an exception (which the hosts would turn into a 500).
/// </summary>
public static class ApiTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        Body<CreatePaymentRequest>("json_create_payment", r => CreatePaymentValidator.Validate(r, new FeeSchedule(60, 10)).Error),
        Body<CreateAccountRequest>("json_create_account", r => CreateAccountValidator.Validate(r).Error),
        Body<CreateRefundRequest>("json_create_refund", r => CreateRefundValidator.Validate(r).Error),
        Body<RoutingPolicyBody>("json_routing_policy", r => RoutingPolicyValidator.Validate(r, _ => true).Error),
        Body<CreateStoreRequest>("json_small_bodies", r => r.Validate().Error, also: body =>
        {
            AssertProblemOrValue(RequestBody.Parse<CreateApiKeyRequest>(body).Error);
            AssertProblemOrValue(RequestBody.Parse<RollApiKeyRequest>(body).Error);
            AssertProblemOrValue(RequestBody.Parse<CreateMerchantRequest>(body).Error);
        }),
    ];

    private static FuzzTarget Body<T>(string name, Func<T, ApiError?> validate, Action<byte[]>? also = null)
        where T : class =>
        new(name, () => new FuzzCall(body =>
        {
            var (value, error) = RequestBody.Parse<T>(body);
            AssertProblemOrValue(error);
            var invalid = value is null ? null : validate(value);
            AssertProblemOrValue(invalid);
            also?.Invoke(body);
            return error is null && invalid is null;
        }));

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
