using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests;

/// <summary>A merchant's routing policy through the API, each test on a merchant of its own so no payment of another test is routed by it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RoutingConfigTests(PlatformFixture platform)
{
    private const string Policy = """
        {
          "objective": "balanced", "cost_weight": 1.5, "utc_offset": "+08:00",
          "rules": [
            { "name": "daytime CNY", "when": { "currencies": ["cny"], "min_amount": 100, "between": { "start": "09:00", "end": "18:00" }, "terminals": ["online"] },
              "candidates": [
                { "channel_account": "wechat_pay/main", "priority": 0, "weight": 80, "limits": { "daily_amount": 5000000, "per_second": 20 } },
                { "channel_account": "alipay/main", "priority": 1, "weight": 20 } ] } ],
          "fees": [ { "channel_account": "wechat_pay/main", "method": "wechat_pay.native", "basis_points": 60, "fixed": 0 } ]
        }
        """;

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Get_WithoutAPolicy_AnswersTheDefault()
    {
        var key = await NewMerchantAsync();

        var (status, policy, _) = await scenario.SendAsync(platform.Request(HttpMethod.Get, "api/v1/routing", key));

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = JsonNode.Parse("""{"object":"routing_policy","objective":"success","utc_offset":"+00:00","rules":[],"fees":[]}""")!;
        Assert.True(JsonNode.DeepEquals(expected, policy), policy.ToJsonString());
    }

    [Fact]
    public async Task Post_StoresThePolicy_ReplaysUnderItsKey_AndGetAnswersIt()
    {
        var key = await NewMerchantAsync();
        var idempotencyKey = "routing-" + Guid.NewGuid().ToString("N");

        var (status, set, _) = await scenario.SendAsync(Post(key, Policy, idempotencyKey));
        var (replayStatus, replayed, replay) = await scenario.SendAsync(Post(key, Policy, idempotencyKey));
        var (_, fetched, _) = await scenario.SendAsync(platform.Request(HttpMethod.Get, "api/v1/routing", key));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("balanced", (string?)set["objective"]);
        Assert.Equal(1.5, (double)set["cost_weight"]!);
        Assert.Equal("+08:00", (string?)set["utc_offset"]);
        var rule = set["rules"]![0]!;
        Assert.Equal("CNY", (string?)rule["when"]!["currencies"]![0]);
        Assert.Equal("wechat_pay/main", (string?)rule["candidates"]![0]!["channel_account"]);
        Assert.Equal(20, (int)rule["candidates"]![0]!["limits"]!["per_second"]!);
        Assert.Equal(1, (int)rule["candidates"]![1]!["priority"]!);
        Assert.Equal(HttpStatusCode.OK, replayStatus);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(set.ToJsonString(), replayed.ToJsonString());
        Assert.Equal(set.ToJsonString(), fetched.ToJsonString());

        var (againStatus, again, _) = await scenario.SendAsync(Post(key, set.ToJsonString(), null));
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(set.ToJsonString(), again.ToJsonString());
    }

    [Theory]
    [InlineData("""{"objective":"balanced","cost_weight":1,"rules":[{"name":"r","candidates":[{"channel_account":"wechat_pay/nosuch"}]}]}""", "parameter_invalid", "rules[0].candidates[0].channel_account")]
    [InlineData("""{"objective":"cheapest"}""", "parameter_invalid", "objective")]
    [InlineData("""{"objective":"success","fees":[{"channel_account":"wechat_pay/main","method":"alipay.qr","basis_points":60}]}""", "parameter_invalid", "fees[0].method")]
    [InlineData("""{"objective":"success","rules":[{"name":"r","when":{"regions":["GD"]},"candidates":[{"channel_account":"wechat_pay/main"}]}]}""", "parameter_invalid", "rules[0].when.regions[0]")]
    [InlineData("""{"objective":"success","extra":1}""", "body_invalid", null)]
    [InlineData("""{"objective":""", "body_invalid", null)]
    public async Task BadInput_AnswersAProblem_AndChangesNothing(string body, string code, string? param)
    {
        var key = await NewMerchantAsync();
        var (_, before, _) = await scenario.SendAsync(Post(key, Policy, null));

        var (status, problem, response) = await scenario.SendAsync(Post(key, body, null));
        var (_, after, _) = await scenario.SendAsync(platform.Request(HttpMethod.Get, "api/v1/routing", key));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (string?)problem["code"]);
        if (param is not null)
        {
            Assert.Equal(param, (string?)problem["param"]);
        }

        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task AnotherMerchant_NeitherSeesNorChangesThePolicy()
    {
        var owner = await NewMerchantAsync();
        var other = await NewMerchantAsync();
        var (_, set, _) = await scenario.SendAsync(Post(owner, Policy, null));

        var (_, seen, _) = await scenario.SendAsync(platform.Request(HttpMethod.Get, "api/v1/routing", other));
        await scenario.SendAsync(Post(other, """{"objective":"cost"}""", null));
        var (_, kept, _) = await scenario.SendAsync(platform.Request(HttpMethod.Get, "api/v1/routing", owner));

        Assert.Equal("success", (string?)seen["objective"]);
        Assert.Empty(seen["rules"]!.AsArray());
        Assert.Equal(set.ToJsonString(), kept.ToJsonString());
    }

    [Fact]
    public async Task ChannelAccounts_ListTheConfiguredAccountsWithTheirMethods()
    {
        var (status, list, _) = await scenario.SendAsync(platform.Request(HttpMethod.Get, "api/v1/channel_accounts"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("list", "/api/v1/channel_accounts", false), ((string?)list["object"], (string?)list["url"], (bool)list["has_more"]!));
        var wechat = list["data"]!.AsArray().Single(a => (string?)a!["channel_account"] == "wechat_pay/main")!;
        Assert.Equal(("channel_account", "wechat_pay", "main", true), ((string?)wechat["object"], (string?)wechat["channel"], (string?)wechat["account"], (bool)wechat["is_default"]!));
        Assert.Contains("wechat_pay.native", wechat["methods"]!.AsArray().Select(m => (string?)m));
        Assert.Contains("CNY", wechat["currencies"]!.AsArray().Select(c => (string?)c));
        Assert.Contains(list["data"]!.AsArray(), a => (string?)a!["channel_account"] == "alipay/main");
    }

    [Theory]
    [InlineData("GET", "api/v1/routing")]
    [InlineData("POST", "api/v1/routing")]
    [InlineData("GET", "api/v1/channel_accounts")]
    public async Task EveryRoute_WithoutAValidKey_Answers401(string method, string path)
    {
        var (status, problem, _) = await scenario.SendAsync(platform.Request(new HttpMethod(method), path, "sk_test_wrong_000000000000000000000", method == "POST" ? Policy : null));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("api_key_invalid", (string?)problem["code"]);
    }

    [Fact]
    public async Task ThePolicyRow_HoldsTheCanonicalBody()
    {
        var key = await NewMerchantAsync();
        var (_, set, _) = await scenario.SendAsync(Post(key, Policy, null));
        var merchant = await platform.ApiKeys(TimeProvider.System).FindAsync(key, CancellationToken.None);

        var row = (await platform.Storage.Tables.GetTableClient(TableNames.RoutingPolicies)
            .GetEntityAsync<TableEntity>(merchant!.MerchantId, RoutingPolicyEntity.Row)).Value;

        Assert.Equal(set.ToJsonString(), JsonNode.Parse(row.GetBinary(nameof(RoutingPolicyEntity.PolicyJson)))!.ToJsonString());
    }

    private HttpRequestMessage Post(string apiKey, string json, string? idempotencyKey)
    {
        var request = platform.Request(HttpMethod.Post, "api/v1/routing", apiKey, json);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private async Task<string> NewMerchantAsync()
    {
        var id = "mch_rt" + Guid.NewGuid().ToString("N")[..14];
        var apiKey = "sk_test_it_rt_" + Guid.NewGuid().ToString("N");
        await platform.Merchants(TimeProvider.System).SeedAsync(
            new MerchantEntity { Id = id, Name = "Routing " + id, FeeBasisPoints = 60 }, apiKey, PlatformFixture.WebhookSecret, CancellationToken.None);
        return apiKey;
    }
}
