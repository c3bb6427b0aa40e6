using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Core.Security;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>
/// Objects of the demo merchant (merchant A) that the other merchant (B) must never reach, keys of A
/// that each lack exactly one scope, and operators that each lack exactly one operator scope. Made once
/// per test class (the fixture is a class fixture; the platform is the collection's).
/// </summary>
public sealed class MerchantObjects
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Made? made;

    public async Task<Made> GetAsync(PlatformFixture platform)
    {
        await gate.WaitAsync();
        try
        {
            return made ??= await MakeAsync(platform);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<Made> MakeAsync(PlatformFixture platform)
    {
        var scenario = new Scenario(platform);
        var payment = (string)(await scenario.CreatePaymentAsync())["id"]!;
        var paid = (string)(await scenario.CreatePaymentAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(paid));
        await scenario.WaitForStatusAsync(paid, "succeeded", TimeSpan.FromSeconds(30));
        var (refundStatus, refund) = await scenario.CreateRefundAsync(paid, """{"amount":100}""");
        Assert.True(refundStatus == HttpStatusCode.Created, $"refund answered {refundStatus}: {refund}");

        // Settled before any test looks, so nothing of A's moves on its own while they compare.
        await scenario.WaitForRefundAsync((string)refund["id"]!, "succeeded", TimeSpan.FromSeconds(30));
        var account = await scenario.CreateAccountAsync();
        var store = (string)(await SendOkAsync(scenario, platform.Request(HttpMethod.Post, "api/v1/stores", json: """{"name":"Tea house"}""")))["id"]!;
        var key = (string)(await SendOkAsync(scenario, platform.Request(HttpMethod.Post, "api/v1/api_keys", json: """{"name":"victim"}""")))["id"]!;
        var riskRule = (string)(await SendOkAsync(scenario, platform.Request(HttpMethod.Post, "api/v1/risk/rules", json: RouteCase.RiskRuleBody)))["id"]!;

        var lacking = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in ApiScopes.Merchant)
        {
            var json = new JsonObject { ["name"] = "without " + scope, ["scopes"] = new JsonArray([.. ApiScopes.Merchant.Where(s => s != scope).Select(s => JsonValue.Create(s))]) };
            lacking[scope] = (string)(await SendOkAsync(scenario, platform.Request(HttpMethod.Post, "api/v1/api_keys", json: json.ToJsonString())))["secret"]!;
        }

        var operatorsLacking = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in ApiScopes.Operator)
        {
            operatorsLacking[scope] = (string)(await CreateOperatorAsync(scenario, platform, "without " + scope, ApiScopes.Operator.Where(s => s != scope)))["key"]!;
        }

        var victimOperator = (string)(await CreateOperatorAsync(scenario, platform, "victim", [ApiScopes.OpsFx]))["id"]!;
        var operatorKey = (string)(await CreateOperatorAsync(scenario, platform, "every scope", ApiScopes.Operator))["key"]!;
        return new Made(payment, paid, (string)refund["id"]!, account, store, key, riskRule, victimOperator, operatorKey, lacking, operatorsLacking);
    }

    public static async Task<JsonObject> CreateOperatorAsync(Scenario scenario, PlatformFixture platform, string name, IEnumerable<string> scopes, string by = PlatformFixture.OperatorKey)
    {
        var json = new JsonObject { ["name"] = name, ["scopes"] = new JsonArray([.. scopes.Select(s => JsonValue.Create(s))]) };
        return await SendOkAsync(scenario, platform.Request(HttpMethod.Post, "api/ops/operators", by, json.ToJsonString()));
    }

    private static async Task<JsonObject> SendOkAsync(Scenario scenario, HttpRequestMessage request)
    {
        using (request)
        {
            var (status, body, _) = await scenario.SendAsync(request);
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{request.Method} {request.RequestUri} answered {status}: {body}");
            return body;
        }
    }

    /// <param name="Payment">Awaiting the payer.</param>
    /// <param name="PaidPayment">Succeeded, with <paramref name="Refund"/> of part of it.</param>
    /// <param name="OperatorKey">The key of an operator holding every operator scope (the bootstrap key is tried on operator routes only).</param>
    /// <param name="LackingScope">Secrets of A's keys holding every merchant scope but the one they are filed under.</param>
    /// <param name="OperatorLackingScope">Keys of operators holding every operator scope but the one they are filed under.</param>
    public sealed record Made(
        string Payment,
        string PaidPayment,
        string Refund,
        string Account,
        string Store,
        string ApiKey,
        string RiskRule,
        string Operator,
        string OperatorKey,
        IReadOnlyDictionary<string, string> LackingScope,
        IReadOnlyDictionary<string, string> OperatorLackingScope)
    {
        /// <summary>Every id of A's that B's lists must not show.</summary>
        public IReadOnlyList<string> Ids => [Payment, PaidPayment, Refund, Account, Store, ApiKey, RiskRule];
    }
}
