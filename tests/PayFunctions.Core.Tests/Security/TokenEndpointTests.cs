using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Security;

[Collection(AzuriteCollection.Name)]
public sealed class TokenEndpointTests(AzuriteFixture azurite)
{
    private readonly SecurityHarness harness = new(azurite.Storage);

    private TokenEndpoint Endpoint => new(harness.Tokens, harness.SigningKeys, harness.ApiKeys, harness.Operators, harness.Audit);

    [Fact]
    public async Task ClientCredentials_InTheForm_IssueATokenTheGateAdmits()
    {
        var (merchantId, keyId, key) = await harness.MerchantWithKeyAsync();

        var (status, body) = await PostAsync($"grant_type=client_credentials&client_id={keyId}&client_secret={key}&scope=read");

        Assert.Equal(200, status);
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.Equal(900, (int)body["expires_in"]!);
        Assert.Equal("read", (string?)body["scope"]);
        var token = (string)body["access_token"]!;
        Assert.Equal(merchantId, new JsonWebToken(token).Subject);
        Assert.Equal(200, (await harness.AdmitAsync(ApiRoutes.GetBalance, token)).Status);
        Assert.Equal(403, (await harness.AdmitAsync(ApiRoutes.CreatePayment, token)).Status);
        var (audited, _) = await new AuditQuery(azurite.Storage, harness.AuditOptions)
            .ListAsync(new AuditFilter("token.issued", null, null, null), 10, null, CancellationToken.None);
        var issued = Assert.Single(audited);
        Assert.Equal("merchant:" + merchantId, issued.Actor);
        Assert.Equal(keyId, issued.Subject);
        Assert.DoesNotContain(key, issued.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCredentials_ByHttpBasic_IssueAToken_ForTheBootstrapOperator()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("op_bootstrap:" + SecurityHarness.BootstrapKey));

        var (status, body) = await PostAsync("grant_type=client_credentials&scope=ops%3Asettlements", "Basic " + basic);

        Assert.Equal(200, status);
        Assert.Equal(200, (await harness.AdmitAsync(ApiRoutes.RunSettlement, (string)body["access_token"]!)).Status);
        Assert.Equal(403, (await harness.AdmitAsync(ApiRoutes.CreateMerchant, (string)body["access_token"]!)).Status);
    }

    [Fact]
    public async Task AKeyUsedWithAnotherKeysId_IsAnInvalidClient()
    {
        var (_, _, key) = await harness.MerchantWithKeyAsync();
        var (_, otherKeyId, _) = await harness.MerchantWithKeyAsync();

        var (status, body) = await PostAsync($"grant_type=client_credentials&client_id={otherKeyId}&client_secret={key}");

        Assert.Equal(401, status);
        Assert.Equal("invalid_client", (string?)body["error"]);
    }

    [Fact]
    public async Task AScopeTheKeyDoesNotHold_IsAnInvalidScope()
    {
        var (_, keyId, key) = await harness.MerchantWithKeyAsync(ApiScopes.Read);

        var (status, body) = await PostAsync($"grant_type=client_credentials&client_id={keyId}&client_secret={key}&scope=read%20refunds");

        Assert.Equal(400, status);
        Assert.Equal("invalid_scope", (string?)body["error"]);
    }

    [Theory]
    [InlineData("grant_type=password&username=a&password=b", "unsupported_grant_type")]
    [InlineData("grant_type=client_credentials&grant_type=client_credentials", "invalid_request")]
    public async Task OtherGrants_AndRepeatedParameters_AreRefused(string form, string error)
    {
        var (status, body) = await PostAsync(form);

        Assert.Equal(400, status);
        Assert.Equal(error, (string?)body["error"]);
    }

    [Fact]
    public async Task TheKeySet_PublishesThePublicKeyOnly()
    {
        var http = NewContext();

        await (await Endpoint.KeySetAsync(http.Request, CancellationToken.None)).ExecuteAsync(http);

        var key = JsonNode.Parse(Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()))!["keys"]![0]!;
        Assert.Equal("EC", (string?)key["kty"]);
        Assert.Equal("P-256", (string?)key["crv"]);
        Assert.Equal("k1", (string?)key["kid"]);
        Assert.Null(key["d"]);
    }

    private static DefaultHttpContext NewContext()
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
    }

    private async Task<(int Status, JsonObject Body)> PostAsync(string form, string? authorization = null)
    {
        var http = NewContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        await (await Endpoint.IssueAsync(http.Request, CancellationToken.None)).ExecuteAsync(http);
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
        return (http.Response.StatusCode, JsonNode.Parse(Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()))!.AsObject());
    }
}
