using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Core.Merchants;

namespace PayFunctions.IntegrationTests;

/// <summary>The audit trail through LocalHost: a merchant's key changes and an operator's settlement run, read back and verified.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditTrailTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task KeyChangesAndASettlementRun_AreListedNewestFirst_WithTheirActors_AndTheChainVerifies()
    {
        var merchant = "mch_it_aud_" + Guid.NewGuid().ToString("N")[..10];
        var key = "sk_test_it_" + Guid.NewGuid().ToString("N");
        await platform.Merchants(TimeProvider.System).SeedAsync(
            new MerchantEntity { Id = merchant, Name = merchant, FeeBasisPoints = 60 }, key, PlatformFixture.WebhookSecret, CancellationToken.None);

        using var create = platform.Request(HttpMethod.Post, "api/v1/api_keys", key, "");
        var (_, created, _) = await scenario.SendAsync(create);
        var keyId = (string)created["id"]!;
        using var roll = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{keyId}/roll", key, """{"expires_in_seconds":0}""");
        var (rollStatus, rolled, _) = await scenario.SendAsync(roll);
        Assert.Equal(HttpStatusCode.Created, rollStatus);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var run = platform.Request(HttpMethod.Post, $"api/ops/settlements?date={day}", PlatformFixture.OperatorKey);
        var (runStatus, settlement, _) = await scenario.SendAsync(run);
        Assert.Equal(HttpStatusCode.OK, runStatus);

        var mine = await ListAsync($"actor=merchant:{merchant}");
        Assert.Equal(
            [("api_key.rolled", keyId, (string?)rolled["id"]), ("api_key.created", (string?)created["id"], null)],
            mine.Select(e => ((string)e["type"]!, (string?)e["subject"], (string?)e["detail"]?["new_key"])));
        var runs = await ListAsync($"type=settlement.run&actor=operator:op_bootstrap&limit=100");
        var audited = Assert.Single(runs, e => (string?)e["subject"] == (string?)settlement["instance_id"]);
        Assert.Equal(day, (string?)audited["detail"]!["settlement_date"]);
        Assert.True((long)mine[1]["sequence"]! < (long)mine[0]["sequence"]! && (long)mine[0]["sequence"]! < (long)audited["sequence"]!);

        using var verify = platform.Request(HttpMethod.Get, "api/ops/audit_events/verify", PlatformFixture.OperatorKey);
        var (verifyStatus, verification, _) = await scenario.SendAsync(verify);
        Assert.Equal(HttpStatusCode.OK, verifyStatus);
        Assert.Equal((true, null), ((bool)verification["intact"]!, (long?)verification["first_broken_sequence"]));
        Assert.True((long)verification["head_sequence"]! >= (long)audited["sequence"]!);
    }

    [Fact]
    public async Task TheAuditRoutes_AreForOperatorsOnly_AndRefuseMalformedFilters()
    {
        using var asMerchant = platform.Request(HttpMethod.Get, "api/ops/audit_events");
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.SendAsync(asMerchant)).Status);
        using var verifyAsMerchant = platform.Request(HttpMethod.Get, "api/ops/audit_events/verify");
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.SendAsync(verifyAsMerchant)).Status);
        using var anonymous = platform.Request(HttpMethod.Get, "api/ops/audit_events", "");
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.SendAsync(anonymous)).Status);

        foreach (var (query, param) in new[] { ("type=DROP%20TABLE", "type"), ("actor=root", "actor"), ("from=yesterday", "from"), ("starting_after=pay_1", "starting_after") })
        {
            using var bad = platform.Request(HttpMethod.Get, "api/ops/audit_events?" + query, PlatformFixture.OperatorKey);
            var (status, problem, _) = await scenario.SendAsync(bad);
            Assert.Equal((HttpStatusCode.BadRequest, param), (status, (string?)problem["param"]));
        }
    }

    private async Task<IReadOnlyList<JsonObject>> ListAsync(string query)
    {
        using var request = platform.Request(HttpMethod.Get, "api/ops/audit_events?" + query, PlatformFixture.OperatorKey);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        Assert.Equal("list", (string?)body["object"]);
        return [.. body["data"]!.AsArray().Select(e => e!.AsObject())];
    }
}
