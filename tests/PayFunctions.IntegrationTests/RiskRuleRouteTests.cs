using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Core.Merchants;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Risk rules through the API, each test on a merchant of its own. Every rule written here lists a payer id no test
/// pays with, so no payment of another test is decided by it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskRuleRouteTests(PlatformFixture platform)
{
    private const string Velocity = """{"kind":"velocity","action":"block","key":"ip","window":"10m","max_count":5,"description":"Bursts from one address"}""";

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task A_rule_is_created_replayed_listed_replaced_and_deleted()
    {
        var key = await NewMerchantAsync();
        var idempotencyKey = "risk-" + Guid.NewGuid().ToString("N");

        var (status, created, _) = await scenario.SendAsync(Post(key, "api/v1/risk/rules", Velocity, idempotencyKey));
        var (replayStatus, replayed, replay) = await scenario.SendAsync(Post(key, "api/v1/risk/rules", Velocity, idempotencyKey));
        var id = (string)created["id"]!;

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Matches("^rule_[0-9a-f]{24}$", id);
        Assert.Equal(("risk_rule", "merchant", "velocity", "ip", "10m", 5), ((string?)created["object"], (string?)created["scope"], (string?)created["kind"], (string?)created["key"], (string?)created["window"], (int)created["max_count"]!));
        Assert.Equal(["before_channel", "on_result"], created["stages"]!.AsArray().Select(s => (string?)s));
        Assert.Equal((HttpStatusCode.Created, "true"), (replayStatus, replay.Headers.GetValues("Idempotent-Replayed").Single()));
        Assert.Equal(created.ToJsonString(), replayed.ToJsonString());

        var (updateStatus, updated, _) = await scenario.SendAsync(Post(key, $"api/v1/risk/rules/{id}", """{"kind":"card_testing","action":"block","key":"card","min_count":3}""", null));
        Assert.Equal(HttpStatusCode.OK, updateStatus);
        Assert.Equal((id, "card_testing", 3), ((string?)updated["id"], (string?)updated["kind"], (int)updated["min_count"]!));
        Assert.Null(updated["max_count"]);

        var list = await ListAsync(key, "api/v1/risk/rules");
        Assert.Equal(updated.ToJsonString(), Assert.Single(list).ToJsonString());

        var (deleteStatus, deleted, _) = await scenario.SendAsync(platform.Request(HttpMethod.Delete, $"api/v1/risk/rules/{id}", key));
        Assert.Equal((HttpStatusCode.OK, true), (deleteStatus, (bool)deleted["deleted"]!));
        Assert.Empty(await ListAsync(key, "api/v1/risk/rules"));
        var (again, problem, _) = await scenario.SendAsync(platform.Request(HttpMethod.Delete, $"api/v1/risk/rules/{id}", key));
        Assert.Equal((HttpStatusCode.NotFound, "resource_missing"), (again, (string?)problem["code"]));
    }

    [Theory]
    [InlineData("""{"kind":"velocity","action":"block","key":"ip","window":"10m"}""", "max_count", "parameter_invalid")]
    [InlineData("""{"kind":"velocity","action":"block","key":"ip","window":"3h","max_count":5}""", "window", "parameter_invalid")]
    [InlineData("""{"kind":"score","action":"allow","min_score":0.5}""", "action", "parameter_invalid")]
    [InlineData("""{"kind":"score","action":"block","min_score":"0.5"}""", "min_score", "body_invalid")]
    [InlineData("""{"kind":"score","action":"block","min_score":0.5,"threshold":1}""", "threshold", "body_invalid")]
    [InlineData("""{"kind":"list","action":"block","field":"ip","values":["203.0.113.1","not-an-ip"]}""", "values[1]", "parameter_invalid")]
    [InlineData("""{"kind":"list","action":"block","field":"payer_id","values":[]}""", "values", "parameter_invalid")]
    [InlineData("""{"action":"block"}""", "kind", "parameter_invalid")]
    public async Task An_invalid_rule_is_a_problem_naming_its_field(string body, string param, string code)
    {
        var key = await NewMerchantAsync();

        var (status, problem, response) = await scenario.SendAsync(Post(key, "api/v1/risk/rules", body, null));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(param, (string?)problem["param"]);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Empty(await ListAsync(key, "api/v1/risk/rules"));
    }

    [Fact]
    public async Task A_list_is_bounded_in_values_and_length()
    {
        var key = await NewMerchantAsync();
        var tooMany = new JsonObject { ["kind"] = "list", ["action"] = "block", ["field"] = "payer_id", ["values"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => JsonValue.Create("p" + i))]) };
        var tooLong = new JsonObject { ["kind"] = "list", ["action"] = "block", ["field"] = "payer_id", ["values"] = new JsonArray(JsonValue.Create(new string('x', 129))) };

        var (manyStatus, many, _) = await scenario.SendAsync(Post(key, "api/v1/risk/rules", tooMany.ToJsonString(), null));
        var (longStatus, longer, _) = await scenario.SendAsync(Post(key, "api/v1/risk/rules", tooLong.ToJsonString(), null));

        Assert.Equal((HttpStatusCode.BadRequest, "values"), (manyStatus, (string?)many["param"]));
        Assert.Equal((HttpStatusCode.BadRequest, "values[0]"), (longStatus, (string?)longer["param"]));
    }

    [Theory]
    [InlineData("rule_default_score_block")]
    [InlineData("rule_ZZZ")]
    [InlineData("rule_0123456789abcdef01234567")]
    public async Task An_update_of_a_rule_the_merchant_does_not_have_is_not_found(string id)
    {
        var key = await NewMerchantAsync();

        var (status, problem, _) = await scenario.SendAsync(Post(key, $"api/v1/risk/rules/{id}", Velocity, null));

        Assert.Equal((HttpStatusCode.NotFound, "id"), (status, (string?)problem["param"]));
    }

    [Fact]
    public async Task An_operators_platform_rule_is_audited_and_not_among_a_merchants_own()
    {
        var body = """{"kind":"list","action":"block","field":"payer_id","values":["platform-probe-""" + Guid.NewGuid().ToString("N") + "\"]}";
        var (status, created, _) = await scenario.SendAsync(Post(PlatformFixture.OperatorKey, "api/ops/risk/rules", body, null));
        var id = (string)created["id"]!;
        try
        {
            Assert.Equal((HttpStatusCode.Created, "platform"), (status, (string?)created["scope"]));
            Assert.Contains(await ListAsync(PlatformFixture.OperatorKey, "api/ops/risk/rules"), r => (string?)r["id"] == id);
            Assert.Empty(await ListAsync(await NewMerchantAsync(), "api/v1/risk/rules"));
            var (updateStatus, _, _) = await scenario.SendAsync(Post(PlatformFixture.OperatorKey, $"api/ops/risk/rules/{id}", body.Replace("block", "review", StringComparison.Ordinal), null));
            Assert.Equal(HttpStatusCode.OK, updateStatus);
        }
        finally
        {
            var (deleteStatus, _, _) = await scenario.SendAsync(platform.Request(HttpMethod.Delete, $"api/ops/risk/rules/{id}", PlatformFixture.OperatorKey));
            Assert.Equal(HttpStatusCode.OK, deleteStatus);
        }

        var events = await ListAsync(PlatformFixture.OperatorKey, "api/ops/audit_events?actor=operator:op_bootstrap&limit=100");
        var types = events.Where(e => (string?)e["subject"] == id).Select(e => (string?)e["type"]).ToList();
        Assert.Equal(["risk_rule.deleted", "risk_rule.updated", "risk_rule.created"], types);
        Assert.DoesNotContain("platform-probe-", events.First(e => (string?)e["subject"] == id).ToJsonString(), StringComparison.Ordinal);
    }

    private HttpRequestMessage Post(string apiKey, string path, string json, string? idempotencyKey)
    {
        var request = platform.Request(HttpMethod.Post, path, apiKey, json);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private async Task<IReadOnlyList<JsonObject>> ListAsync(string apiKey, string path)
    {
        var (status, body, _) = await scenario.SendAsync(platform.Request(HttpMethod.Get, path, apiKey));
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        return [.. body["data"]!.AsArray().Select(e => e!.AsObject())];
    }

    private async Task<string> NewMerchantAsync()
    {
        var id = "mch_rr" + Guid.NewGuid().ToString("N")[..14];
        var apiKey = "sk_test_it_rr_" + Guid.NewGuid().ToString("N");
        await platform.Merchants(TimeProvider.System).SeedAsync(
            new MerchantEntity { Id = id, Name = "Risk " + id, FeeBasisPoints = 60 }, apiKey, PlatformFixture.WebhookSecret, CancellationToken.None);
        return apiKey;
    }
}
