using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Operators;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests.InProcess;

/// <summary>
/// Onboarding is all or nothing, and a retry with the same Idempotency-Key completes it with
/// exactly one valid key. Before, the merchant row and key hash were written first and the webhook
/// secret last, to Key Vault, which the app's identity ("Key Vault Secrets User") may not write:
/// every onboarding in Azure failed with a 500 and left a merchant whose key worked.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OnboardingAtomicityTests(PlatformFixture platform)
{
    private const string Body = """{"name":"Tea House","webhook_url":"https://teahouse.example/hooks"}""";
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Onboarding_WhenTheVaultOnlyLetsTheAppRead_Succeeds_AndWritesNothingToIt()
    {
        var vault = ReadOnlyVault();
        await using var api = new InProcessApi(platform, s => s.AddSingleton<ISecretStore>(new KeyVaultSecretStore(vault.Object)));

        var (status, merchant) = await api.SendAsync(api.Get<MerchantEndpoints>().CreateAsync, ApiRoutes.CreateMerchant, "/api/ops/merchants", PlatformFixture.OperatorKey, Body);

        Assert.Equal(201, status);
        vault.Verify(v => v.SetSecretAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        vault.Verify(v => v.SetSecretAsync(It.IsAny<KeyVaultSecret>(), It.IsAny<CancellationToken>()), Times.Never);
        await AssertOneUsableKeyAsync((string)merchant["id"]!, (string)merchant["api_key"]!);
    }

    public static TheoryData<string> FailurePoints() => ["key-encryption key read", "key index write", "merchant and key transaction"];

    [Theory]
    [MemberData(nameof(FailurePoints))]
    public async Task Onboarding_FailingPartWay_LeavesNoUsableMerchant_AndTheRetryCompletesItWithOneKey(string failure)
    {
        var secrets = new FlakySecrets(platform.Secrets);
        await using var api = new InProcessApi(platform, s => s.AddSingleton<ISecretStore>(secrets));
        var idempotencyKey = "onboard-" + Guid.NewGuid().ToString("N");
        switch (failure)
        {
            case "key-encryption key read":
                secrets.FailNext(SecretEnvelope.KeySecretName);
                break;
            case "key index write":
                api.Faults.FailNext(TableFaults.WriteTo(TableNames.ApiKeys));
                break;
            default:
                api.Faults.FailNext(TableFaults.Batch);
                break;
        }

        await Assert.ThrowsAnyAsync<Exception>(() =>
            api.SendAsync(api.Get<MerchantEndpoints>().CreateAsync, ApiRoutes.CreateMerchant, "/api/ops/merchants", PlatformFixture.OperatorKey, Body, idempotencyKey));
        Assert.Equal(1, api.Faults.Fired + secrets.Fired);
        var merchantId = (await IdempotencyRowAsync(idempotencyKey)).ResourceId.Split(' ')[0];
        Assert.Empty(await RowsAsync(TableNames.Merchants, merchantId));

        var (status, merchant) = await api.SendAsync(api.Get<MerchantEndpoints>().CreateAsync, ApiRoutes.CreateMerchant, "/api/ops/merchants", PlatformFixture.OperatorKey, Body, idempotencyKey);

        Assert.Equal(201, status);
        Assert.Equal(merchantId, (string?)merchant["id"]);
        await AssertOneUsableKeyAsync(merchantId, (string)merchant["api_key"]!);
    }

    [Fact]
    public async Task Onboarding_RetriedAfterItsWritesLanded_LeavesExactlyOneValidKey()
    {
        await using var api = new InProcessApi(platform);
        var idempotencyKey = "onboard-" + Guid.NewGuid().ToString("N");
        // The merchant and its key are written; storing the answer fails, as if the host died there.
        api.Faults.FailNext(TableFaults.WriteTo(TableNames.Idempotency));

        await Assert.ThrowsAnyAsync<Exception>(() =>
            api.SendAsync(api.Get<MerchantEndpoints>().CreateAsync, ApiRoutes.CreateMerchant, "/api/ops/merchants", PlatformFixture.OperatorKey, Body, idempotencyKey));
        var merchantId = (await IdempotencyRowAsync(idempotencyKey)).ResourceId.Split(' ')[0];
        Assert.Single(await RowsAsync(TableNames.Merchants, merchantId), r => r.RowKey == MerchantEntity.Row);

        var (status, merchant) = await api.SendAsync(api.Get<MerchantEndpoints>().CreateAsync, ApiRoutes.CreateMerchant, "/api/ops/merchants", PlatformFixture.OperatorKey, Body, idempotencyKey);

        Assert.Equal(201, status);
        Assert.Equal(merchantId, (string?)merchant["id"]);
        await AssertOneUsableKeyAsync(merchantId, (string)merchant["api_key"]!);
    }

    [Fact]
    public async Task OnboardingAgain_UnderTheSameIds_ReplacesTheKeyAndTheWebhookSecret()
    {
        var merchants = platform.Merchants(TimeProvider.System);
        var apiKeys = platform.ApiKeys(TimeProvider.System);
        var merchantId = "mch_" + Guid.NewGuid().ToString("N")[..16];
        var keyId = apiKeys.NewKeyId();
        var (firstKey, secondKey) = (ApiKeyStore.NewSecret(testMode: false), ApiKeyStore.NewSecret(testMode: false));

        await merchants.OnboardAsync(new MerchantEntity { Id = merchantId, Name = "Twice" }, keyId, firstKey, "whsec_Zmlyc3Qtc2VjcmV0LWZpcnN0LXNlY3JldA==", CancellationToken.None);
        await merchants.OnboardAsync(new MerchantEntity { Id = merchantId, Name = "Twice" }, keyId, secondKey, "whsec_c2Vjb25kLXNlY3JldC1zZWNvbmQtc2VjcmV0", CancellationToken.None);

        Assert.Null(await apiKeys.AuthenticateAsync(firstKey, CancellationToken.None));
        Assert.Equal(merchantId, (await apiKeys.AuthenticateAsync(secondKey, CancellationToken.None))?.Merchant.Id);
        var merchant = (await merchants.GetAsync(merchantId, CancellationToken.None))!;
        Assert.Equal("whsec_c2Vjb25kLXNlY3JldC1zZWNvbmQtc2VjcmV0", await merchants.WebhookSecretAsync(merchant, CancellationToken.None));
        Assert.Null(await apiKeys.FindAsync(firstKey, CancellationToken.None));
    }

    /// <summary>The merchant has one key row, the key given works over HTTP, and it is the only key listed.</summary>
    private async Task AssertOneUsableKeyAsync(string merchantId, string apiKey)
    {
        Assert.Single(await RowsAsync(TableNames.Merchants, merchantId), r => r.RowKey.StartsWith(ApiKeyEntity.IdPrefix, StringComparison.Ordinal));
        using var list = platform.Request(HttpMethod.Get, "api/v1/api_keys", apiKey);
        var (status, keys, _) = await scenario.SendAsync(list);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(apiKey[..12], (string?)Assert.Single(keys["data"]!.AsArray())!["prefix"]);
    }

    private async Task<IdempotencyEntity> IdempotencyRowAsync(string key) =>
        (await platform.Storage.Tables.GetTableClient(TableNames.Idempotency).GetEntityAsync<IdempotencyEntity>(OperatorStore.BootstrapOperatorId, TableKeys.HashOf(key))).Value;

    private async Task<List<TableEntity>> RowsAsync(string table, string partition)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in platform.Storage.Tables.GetTableClient(table).QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Key Vault as the app's identity sees it with "Key Vault Secrets User": reads work, writes are 403.</summary>
    private Mock<SecretClient> ReadOnlyVault()
    {
        var vault = new Mock<SecretClient>(MockBehavior.Strict);
        vault.Setup(v => v.GetSecretAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string name, string? version, CancellationToken cancellationToken) =>
            {
                var current = await platform.Secrets.GetCurrentAsync(name, cancellationToken);
                if (current is null || (version is not null && version != current.Version))
                {
                    throw new RequestFailedException(404, "SecretNotFound");
                }

                var secret = SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name, version: current.Version), current.Value);
                return Response.FromValue(secret, Mock.Of<Response>());
            });
        vault.Setup(v => v.SetSecretAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "Forbidden", "ForbiddenByRbac", null));
        vault.Setup(v => v.SetSecretAsync(It.IsAny<KeyVaultSecret>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "Forbidden", "ForbiddenByRbac", null));
        return vault;
    }

    /// <summary>The fixture's secrets, except that the next read of a chosen secret fails once.</summary>
    private sealed class FlakySecrets(ISecretStore inner) : ISecretStore
    {
        private string? failing;

        public int Fired { get; private set; }

        public void FailNext(string name) => failing = name;

        public Task<SecretVersion?> GetCurrentAsync(string name, CancellationToken cancellationToken)
        {
            if (failing == name)
            {
                failing = null;
                Fired++;
                throw new RequestFailedException(503, "Injected Key Vault failure.");
            }

            return inner.GetCurrentAsync(name, cancellationToken);
        }

        public Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken) =>
            inner.GetVersionAsync(name, version, cancellationToken);
    }
}
