using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;

namespace PayFunctions.IntegrationTests.InProcess;

/// <summary>A rolled key works until its grace period ends and not a moment later; a revoked key stops at once.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiKeyLifetimeTests(PlatformFixture platform)
{
    [Fact]
    public async Task RolledKey_WorksUntilTheGraceEnds_AndTheNewKeyWorksAtOnce()
    {
        await using var api = new InProcessApi(platform);
        var (merchantId, oldKey, oldKeyId) = await NewMerchantAsync(api);

        var (status, rolled) = await api.SendAsync(
            (r, c) => api.Get<ApiKeyEndpoints>().RollAsync(r, oldKeyId, c),
            ApiRoutes.RollApiKey,
            $"/api/v1/api_keys/{oldKeyId}/roll",
            oldKey,
            """{"expires_in_seconds":3600}""");
        Assert.Equal(201, status);
        var newKey = (string)rolled["secret"]!;

        Assert.Equal(merchantId, (await AuthenticateAsync(api, oldKey))?.Id);
        Assert.Equal(merchantId, (await AuthenticateAsync(api, newKey))?.Id);
        Assert.Equal("expiring", await StatusOfAsync(api, newKey, oldKeyId));

        api.Time.Advance(TimeSpan.FromSeconds(3599));
        Assert.Equal(merchantId, (await AuthenticateAsync(api, oldKey))?.Id);

        api.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await AuthenticateAsync(api, oldKey));
        Assert.Equal(merchantId, (await AuthenticateAsync(api, newKey))?.Id);
        Assert.Equal("expired", await StatusOfAsync(api, newKey, oldKeyId));
    }

    [Fact]
    public async Task RolledKey_WithoutABody_KeepsWorkingForADay()
    {
        await using var api = new InProcessApi(platform);
        var (merchantId, oldKey, oldKeyId) = await NewMerchantAsync(api);

        var (status, _) = await api.SendAsync((r, c) => api.Get<ApiKeyEndpoints>().RollAsync(r, oldKeyId, c), ApiRoutes.RollApiKey, $"/api/v1/api_keys/{oldKeyId}/roll", oldKey);
        Assert.Equal(201, status);

        api.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.Equal(merchantId, (await AuthenticateAsync(api, oldKey))?.Id);
        api.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await AuthenticateAsync(api, oldKey));
    }

    [Fact]
    public async Task RollRetriedWithTheSameIdempotencyKey_AfterTheNewKeyWasIssued_LeavesOneNewKey()
    {
        await using var api = new InProcessApi(platform);
        var (_, oldKey, oldKeyId) = await NewMerchantAsync(api);
        var idempotencyKey = "roll-" + Guid.NewGuid().ToString("N");
        api.Time.Advance(TimeSpan.FromSeconds(1));
        api.Faults.FailNext(TableFaults.WriteTo(Core.Storage.TableNames.Idempotency));

        await Assert.ThrowsAnyAsync<Exception>(() => api.SendAsync(
            (r, c) => api.Get<ApiKeyEndpoints>().RollAsync(r, oldKeyId, c), ApiRoutes.RollApiKey, $"/api/v1/api_keys/{oldKeyId}/roll", oldKey, idempotencyKey: idempotencyKey));
        var (status, rolled) = await api.SendAsync(
            (r, c) => api.Get<ApiKeyEndpoints>().RollAsync(r, oldKeyId, c), ApiRoutes.RollApiKey, $"/api/v1/api_keys/{oldKeyId}/roll", oldKey, idempotencyKey: idempotencyKey);

        Assert.Equal(201, status);
        var (_, list) = await api.SendAsync(api.Get<ApiKeyEndpoints>().ListAsync, ApiRoutes.ListApiKeys, "/api/v1/api_keys", (string)rolled["secret"]!);
        Assert.Equal([(string)rolled["id"]!, oldKeyId], list["data"]!.AsArray().Select(k => (string)k!["id"]!));
    }

    [Fact]
    public async Task RevokedKey_IsRefusedAtOnce()
    {
        await using var api = new InProcessApi(platform);
        var (merchantId, firstKey, _) = await NewMerchantAsync(api);
        var (_, second) = await api.SendAsync(api.Get<ApiKeyEndpoints>().CreateAsync, ApiRoutes.CreateApiKey, "/api/v1/api_keys", firstKey, """{"name":"ci"}""");
        var secondKey = (string)second["secret"]!;
        Assert.Equal(merchantId, (await AuthenticateAsync(api, secondKey))?.Id);

        var (status, revoked) = await api.SendAsync(
            (r, c) => api.Get<ApiKeyEndpoints>().RevokeAsync(r, (string)second["id"]!, c), ApiRoutes.RevokeApiKey, $"/api/v1/api_keys/{second["id"]}/revoke", firstKey);

        Assert.Equal(200, status);
        Assert.Equal("revoked", (string?)revoked["status"]);
        Assert.Null(await AuthenticateAsync(api, secondKey));
        Assert.Equal(merchantId, (await AuthenticateAsync(api, firstKey))?.Id);
    }

    private static async Task<MerchantEntity?> AuthenticateAsync(InProcessApi api, string key) =>
        (await api.Get<ApiKeyStore>().AuthenticateAsync(key, CancellationToken.None))?.Merchant;

    private static async Task<string?> StatusOfAsync(InProcessApi api, string apiKey, string keyId)
    {
        var (_, list) = await api.SendAsync(api.Get<ApiKeyEndpoints>().ListAsync, ApiRoutes.ListApiKeys, "/api/v1/api_keys", apiKey);
        return (string?)list["data"]!.AsArray().Single(k => (string?)k!["id"] == keyId)!["status"];
    }

    private static async Task<(string MerchantId, string ApiKey, string KeyId)> NewMerchantAsync(InProcessApi api)
    {
        var (status, merchant) = await api.SendAsync(api.Get<MerchantEndpoints>().CreateAsync, ApiRoutes.CreateMerchant, "/api/ops/merchants", PlatformFixture.OperatorKey, """{"name":"Key Shop"}""");
        Assert.Equal(201, status);
        var apiKey = (string)merchant["api_key"]!;
        var keyId = (await api.Get<ApiKeyStore>().FindAsync(apiKey, CancellationToken.None))!.KeyId;
        return ((string)merchant["id"]!, apiKey, keyId);
    }
}
