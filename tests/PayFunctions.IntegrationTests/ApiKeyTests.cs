using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class ApiKeyTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task CreateApiKey_ShowsTheKeyOnce_ItWorks_AndTheListShowsOnlyItsPrefix()
    {
        var (id, secret) = await CreateKeyAsync(PlatformFixture.DemoApiKey, """{"name":"reporting"}""");

        // The demo merchant is a test-mode merchant: its keys are test keys.
        Assert.Matches("^sk_test_[0-9a-z]{32}$", secret);
        using var payments = platform.Request(HttpMethod.Get, "api/v1/payments?limit=1", secret);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(payments)).Status);

        using var list = platform.Request(HttpMethod.Get, "api/v1/api_keys?limit=100");
        var (_, keys, response) = await scenario.SendAsync(list);
        var listed = Assert.Single(keys["data"]!.AsArray(), k => (string?)k!["id"] == id)!;
        Assert.Equal(secret[..12], (string?)listed["prefix"]);
        Assert.Equal("reporting", (string?)listed["name"]);
        Assert.Equal("active", (string?)listed["status"]);
        Assert.Null(listed["secret"]);
        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await RevokeAsync(id);
    }

    [Fact]
    public async Task CreateApiKey_Replayed_AnswersTheKeyWithoutItsSecret_AndStoresNoSecret()
    {
        var idempotencyKey = "key-" + Guid.NewGuid().ToString("N");
        using var first = platform.Request(HttpMethod.Post, "api/v1/api_keys", json: "{}");
        first.Headers.Add("Idempotency-Key", idempotencyKey);
        using var second = platform.Request(HttpMethod.Post, "api/v1/api_keys", json: "{}");
        second.Headers.Add("Idempotency-Key", idempotencyKey);

        var (_, created, _) = await scenario.SendAsync(first);
        var (status, replayed, response) = await scenario.SendAsync(second);

        var secret = (string)created["secret"]!;
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((string?)created["id"], (string?)replayed["id"]);
        Assert.Null(replayed["secret"]);
        Assert.True((bool)replayed["secret_redacted"]!);
        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var row = (await platform.Storage.Tables.GetTableClient(TableNames.Idempotency)
            .GetEntityAsync<TableEntity>(PlatformFixture.DemoMerchantId, TableKeys.HashOf(idempotencyKey))).Value;
        Assert.All(((IDictionary<string, object>)row).Values, v => Assert.DoesNotContain(secret, v?.ToString() ?? "", StringComparison.Ordinal));
        Assert.All(((IDictionary<string, object>)row).Values, v => Assert.DoesNotContain(secret[8..], v?.ToString() ?? "", StringComparison.Ordinal));
        await RevokeAsync((string)created["id"]!);
    }

    [Fact]
    public async Task RevokedKey_IsRefusedAtOnce_AndRevokingAgainAnswersTheSame()
    {
        var (id, secret) = await CreateKeyAsync(PlatformFixture.DemoApiKey);
        using var before = platform.Request(HttpMethod.Get, "api/v1/balance", secret);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(before)).Status);

        var revoked = await RevokeAsync(id);
        Assert.Equal("revoked", (string?)revoked["status"]);

        using var after = platform.Request(HttpMethod.Get, "api/v1/balance", secret);
        var (status, problem, _) = await scenario.SendAsync(after);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("api_key_invalid", (string?)problem["code"]);
        Assert.Equal((string?)revoked["revoked_at"], (string?)(await RevokeAsync(id))["revoked_at"]);
    }

    [Fact]
    public async Task RolledKey_WithNoGrace_StopsAtOnce_AndTheNewKeyWorks()
    {
        var (id, oldSecret) = await CreateKeyAsync(PlatformFixture.DemoApiKey);

        using var roll = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{id}/roll", oldSecret, """{"expires_in_seconds":0}""");
        var (status, rolled, _) = await scenario.SendAsync(roll);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.NotEqual(id, (string?)rolled["id"]);
        using var old = platform.Request(HttpMethod.Get, "api/v1/balance", oldSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.SendAsync(old)).Status);
        using var fresh = platform.Request(HttpMethod.Get, "api/v1/balance", (string)rolled["secret"]!);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(fresh)).Status);
        await RevokeAsync((string)rolled["id"]!);
    }

    [Fact]
    public async Task RolledKey_ByDefault_KeepsWorkingForADay_AndCannotBeRolledAgain()
    {
        var (id, oldSecret) = await CreateKeyAsync(PlatformFixture.DemoApiKey);

        using var roll = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{id}/roll");
        var (_, rolled, _) = await scenario.SendAsync(roll);

        using var old = platform.Request(HttpMethod.Get, "api/v1/balance", oldSecret);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(old)).Status);
        var listed = await KeyAsync(id);
        Assert.Equal("expiring", (string?)listed["status"]);
        var expires = DateTimeOffset.Parse((string)listed["expires_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));

        using var again = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{id}/roll");
        var (status, problem, _) = await scenario.SendAsync(again);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("api_key_unexpected_state", (string?)problem["code"]);
        await RevokeAsync(id);
        await RevokeAsync((string)rolled["id"]!);
    }

    [Fact]
    public async Task RevokingTheLastUsableKey_IsRefused_AndTheKeyStillWorks()
    {
        var merchant = await OnboardAsync();
        var apiKey = (string)merchant["api_key"]!;
        using var list = platform.Request(HttpMethod.Get, "api/v1/api_keys", apiKey);
        var keyId = (string)(await scenario.SendAsync(list)).Body["data"]![0]!["id"]!;

        using var revoke = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{keyId}/revoke", apiKey);
        var (status, problem, _) = await scenario.SendAsync(revoke);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("api_key_last_usable", (string?)problem["code"]);
        using var still = platform.Request(HttpMethod.Get, "api/v1/balance", apiKey);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(still)).Status);
    }

    [Fact]
    public async Task AnotherMerchantsKey_IsNotFound_ForRollAndRevoke()
    {
        var (id, secret) = await CreateKeyAsync(PlatformFixture.DemoApiKey);

        foreach (var action in new[] { "roll", "revoke" })
        {
            using var request = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{id}/{action}", PlatformFixture.OtherApiKey);
            var (status, problem, _) = await scenario.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("resource_missing", (string?)problem["code"]);
        }

        using var still = platform.Request(HttpMethod.Get, "api/v1/balance", secret);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(still)).Status);
        Assert.Equal("active", (string?)(await KeyAsync(id))["status"]);
        await RevokeAsync(id);
    }

    private async Task<(string Id, string Secret)> CreateKeyAsync(string apiKey, string json = "")
    {
        using var create = platform.Request(HttpMethod.Post, "api/v1/api_keys", apiKey, json);
        var (status, key, _) = await scenario.SendAsync(create);
        Assert.True(status == HttpStatusCode.Created, $"{status}: {key}");
        Assert.Equal("api_key", (string?)key["object"]);
        Assert.False((bool)key["secret_redacted"]!);
        return ((string)key["id"]!, (string)key["secret"]!);
    }

    private async Task<JsonObject> RevokeAsync(string id)
    {
        using var revoke = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{id}/revoke");
        var (status, key, _) = await scenario.SendAsync(revoke);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {key}");
        return key;
    }

    private async Task<JsonObject> KeyAsync(string id)
    {
        using var list = platform.Request(HttpMethod.Get, "api/v1/api_keys?limit=100");
        return Assert.Single((await scenario.SendAsync(list)).Body["data"]!.AsArray(), k => (string?)k!["id"] == id)!.AsObject();
    }

    private async Task<JsonObject> OnboardAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/ops/merchants")
        {
            Content = new StringContent("""{"name":"One Key Cafe"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PlatformFixture.OperatorKey);
        var (status, merchant, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, status);
        return merchant;
    }
}
