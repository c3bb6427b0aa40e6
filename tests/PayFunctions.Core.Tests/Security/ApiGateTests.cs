using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Security;

[Collection(AzuriteCollection.Name)]
public sealed class ApiGateTests(AzuriteFixture azurite)
{
    private readonly SecurityHarness harness = new(azurite.Storage);

    [Fact]
    public async Task NoCredential_OnAMerchantRoute_Is401WithAChallenge_AndAdmitsNoOne()
    {
        var (status, caller, http) = await harness.AdmitAsync(ApiRoutes.ListPayments, null);

        Assert.Equal(401, status);
        Assert.Null(caller);
        Assert.StartsWith("Bearer", http.Response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicRoutes_NeedNoCredential()
    {
        Assert.Equal(200, (await harness.AdmitAsync(ApiRoutes.ChannelNotify, null)).Status);
        Assert.Equal(200, (await harness.AdmitAsync(ApiRoutes.IssueToken, null)).Status);
    }

    [Fact]
    public async Task AFullKey_IsAdmittedAsItsMerchant_WithEveryMerchantScope()
    {
        var (merchantId, keyId, key) = await harness.MerchantWithKeyAsync();

        var (status, caller, _) = await harness.AdmitAsync(ApiRoutes.CreatePayment, key);

        Assert.Equal(200, status);
        var merchant = Assert.IsType<MerchantCaller>(caller);
        Assert.Equal(merchantId, merchant.Merchant.Id);
        Assert.Equal(keyId, merchant.KeyId);
        Assert.Equal(ApiScopes.Merchant.Order(StringComparer.Ordinal), merchant.Scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AReadOnlyKey_Reads_ButCannotCreateAPayment_NorRefund_NorManageKeys()
    {
        var (_, _, key) = await harness.MerchantWithKeyAsync(ApiScopes.Read);

        Assert.Equal(200, (await harness.AdmitAsync(ApiRoutes.ListPayments, key)).Status);
        foreach (var route in new[] { ApiRoutes.CreatePayment, ApiRoutes.CreateRefund, ApiRoutes.CreateApiKey, ApiRoutes.CreateAccount })
        {
            var (status, caller, http) = await harness.AdmitAsync(route, key);
            Assert.Equal(403, status);
            Assert.Null(caller);
            Assert.Contains($"scope=\"{route.Access.Scope}\"", http.Response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AMerchantKey_OnAnOperatorRoute_Is403()
    {
        var (_, _, key) = await harness.MerchantWithKeyAsync();

        Assert.Equal(403, (await harness.AdmitAsync(ApiRoutes.RunSettlement, key)).Status);
        Assert.Equal(403, (await harness.AdmitAsync(ApiRoutes.CreateMerchant, key)).Status);
    }

    [Fact]
    public async Task TheBootstrapKey_IsTheBootstrapOperator_OnOperatorRoutesOnly()
    {
        var (status, caller, _) = await harness.AdmitAsync(ApiRoutes.CreateMerchant, SecurityHarness.BootstrapKey);
        Assert.Equal(200, status);
        Assert.Equal("operator:op_bootstrap", caller!.Actor);

        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.ListPayments, SecurityHarness.BootstrapKey)).Status);
        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreateMerchant, SecurityHarness.BootstrapKey + "x")).Status);
    }

    [Fact]
    public async Task AnOperatorKey_HasItsOwnScopes_AndStopsWorkingWhenDisabled()
    {
        var id = harness.Operators.NewOperatorId();
        var (_, key) = await harness.Operators.CreateAsync(
            id, "Settlement desk", new HashSet<string> { ApiScopes.OpsSettlements }, "operator:op_bootstrap", CancellationToken.None);

        var (status, caller, _) = await harness.AdmitAsync(ApiRoutes.RunSettlement, key);
        Assert.Equal(200, status);
        Assert.Equal("operator:" + id, caller!.Actor);
        Assert.Equal(403, (await harness.AdmitAsync(ApiRoutes.CreateMerchant, key)).Status);
        Assert.Equal(403, (await harness.AdmitAsync(ApiRoutes.ListPayments, key)).Status);

        await harness.Operators.DisableAsync(id, CancellationToken.None);

        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.RunSettlement, key)).Status);
    }

    [Fact]
    public async Task AnOperatorKey_WithAnotherSecret_IsRefused()
    {
        var id = harness.Operators.NewOperatorId();
        var (_, key) = await harness.Operators.CreateAsync(
            id, "Desk", new HashSet<string> { ApiScopes.OpsSettlements }, "operator:op_bootstrap", CancellationToken.None);
        var forged = key[..^1] + (key[^1] == 'a' ? 'b' : 'a');

        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.RunSettlement, forged)).Status);
    }

    [Fact]
    public async Task ARevokedKey_IsRefused()
    {
        var (merchantId, keyId, key) = await harness.MerchantWithKeyAsync();
        await harness.ApiKeys.IssueAsync(new MerchantEntity { Id = merchantId }, harness.ApiKeys.NewKeyId(), null, null, signatureRequired: false, CancellationToken.None);

        await harness.ApiKeys.RevokeAsync(merchantId, keyId, CancellationToken.None);

        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.ListPayments, key)).Status);
    }

    [Theory]
    [InlineData("sk_live_short")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtY2hfeCJ9.")]
    [InlineData("opk_op_notanid.0000000000000000000000000000000000000000")]
    public async Task MalformedOrUnknownCredentials_Are401(string bearer) =>
        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.ListPayments, bearer)).Status);
}
