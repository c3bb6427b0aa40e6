using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Security;

[Collection(AzuriteCollection.Name)]
public sealed class AccessTokensTests(AzuriteFixture azurite)
{
    private readonly SecurityHarness harness = new(azurite.Storage);

    [Fact]
    public async Task AnIssuedToken_IsAdmittedAsTheKeysMerchant_WithOnlyTheScopesItWasIssuedWith()
    {
        var (merchantId, keyId, _) = await harness.MerchantWithKeyAsync();
        var token = await harness.Tokens.IssueAsync(merchantId, keyId, new HashSet<string> { ApiScopes.Read }, CancellationToken.None);

        var (status, caller, _) = await harness.AdmitAsync(ApiRoutes.ListPayments, token);

        Assert.Equal(200, status);
        Assert.Equal(merchantId, Assert.IsType<MerchantCaller>(caller).Merchant.Id);
        Assert.Equal(403, (await harness.AdmitAsync(ApiRoutes.CreatePayment, token)).Status);
    }

    [Fact]
    public async Task AToken_EndsWithItsKey()
    {
        var (merchantId, keyId, _) = await harness.MerchantWithKeyAsync();
        await harness.ApiKeys.IssueAsync(new MerchantEntity { Id = merchantId }, harness.ApiKeys.NewKeyId(), null, null, signatureRequired: false, CancellationToken.None);
        var token = await harness.Tokens.IssueAsync(merchantId, keyId, new HashSet<string> { ApiScopes.Read }, CancellationToken.None);

        await harness.ApiKeys.RevokeAsync(merchantId, keyId, CancellationToken.None);

        Assert.Null(await harness.Tokens.ValidateAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task AToken_NeverGrantsMoreThanItsKeyHolds()
    {
        var (merchantId, keyId, _) = await harness.MerchantWithKeyAsync(ApiScopes.Read);
        var token = await harness.Tokens.IssueAsync(merchantId, keyId, new HashSet<string> { ApiScopes.Read, ApiScopes.Payments }, CancellationToken.None);

        var caller = await harness.Tokens.ValidateAsync(token, CancellationToken.None);

        Assert.Equal([ApiScopes.Read], caller!.Scopes);
    }

    [Fact]
    public async Task AnExpiredToken_IsRefused()
    {
        var (merchantId, keyId, _) = await harness.MerchantWithKeyAsync();
        var token = await harness.Tokens.IssueAsync(merchantId, keyId, new HashSet<string> { ApiScopes.Read }, CancellationToken.None);

        harness.Time.Advance(harness.Tokens.Lifetime + TimeSpan.FromMinutes(1));

        Assert.Null(await harness.Tokens.ValidateAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task ATokenWithAnAlteredClaim_IsRefused()
    {
        var (merchantId, keyId, _) = await harness.MerchantWithKeyAsync(ApiScopes.Read);
        var other = await harness.MerchantWithKeyAsync();
        var token = await harness.Tokens.IssueAsync(merchantId, keyId, new HashSet<string> { ApiScopes.Read }, CancellationToken.None);
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(merchantId, other.MerchantId, StringComparison.Ordinal);
        var forged = string.Join('.', parts[0], Base64UrlEncoder.Encode(payload), parts[2]);

        Assert.Null(await harness.Tokens.ValidateAsync(forged, CancellationToken.None));
    }

    [Fact]
    public async Task AnUnsignedToken_OrOneSignedWithAnotherKey_IsRefused()
    {
        var (merchantId, keyId, _) = await harness.MerchantWithKeyAsync();
        var claims = new Dictionary<string, object> { ["sub"] = merchantId, ["client_id"] = keyId, ["scope"] = "read" };
        var handler = new JsonWebTokenHandler();
        var unsigned = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "payfunctions", Audience = AccessTokens.Audience, Claims = claims, TokenType = "at+jwt",
            Expires = harness.Time.GetUtcNow().UtcDateTime.AddMinutes(5), NotBefore = harness.Time.GetUtcNow().UtcDateTime,
        });
        var foreignKey = new SecurityHarness(azurite.Storage).SigningKeys;
        var foreign = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "payfunctions", Audience = AccessTokens.Audience, Claims = claims, TokenType = "at+jwt",
            Expires = harness.Time.GetUtcNow().UtcDateTime.AddMinutes(5), NotBefore = harness.Time.GetUtcNow().UtcDateTime,
            SigningCredentials = new SigningCredentials(await foreignKey.CurrentAsync(CancellationToken.None), SecurityAlgorithms.EcdsaSha256),
        });

        Assert.Null(await harness.Tokens.ValidateAsync(unsigned, CancellationToken.None));
        Assert.Null(await harness.Tokens.ValidateAsync(foreign, CancellationToken.None));
    }

    [Fact]
    public async Task AfterARotation_OldTokensStillVerify_AndTheKeySetPublishesBothKeys()
    {
        var (merchantId, keyId, _) = await harness.MerchantWithKeyAsync();
        var before = await harness.Tokens.IssueAsync(merchantId, keyId, new HashSet<string> { ApiScopes.Read }, CancellationToken.None);

        harness.RotateSigningKey("k2");
        var after = await harness.Tokens.IssueAsync(merchantId, keyId, new HashSet<string> { ApiScopes.Read }, CancellationToken.None);

        Assert.Equal("k1", new JsonWebToken(before).Kid);
        Assert.Equal("k2", new JsonWebToken(after).Kid);
        Assert.NotNull(await harness.Tokens.ValidateAsync(before, CancellationToken.None));
        Assert.NotNull(await harness.Tokens.ValidateAsync(after, CancellationToken.None));
        var published = await harness.SigningKeys.PublishedAsync(harness.Tokens.Lifetime, CancellationToken.None);
        Assert.Equal(["k2", "k1"], published.Select(k => k.KeyId));
    }

    [Fact]
    public async Task AKeyAndTheTokensMadeFromIt_ShareOneRateLimit()
    {
        var (merchantId, keyId, key) = await harness.MerchantWithKeyAsync();
        var statuses = new List<int>();
        for (var i = 0; i < SecurityHarness.KeyLimit + 1; i++)
        {
            var bearer = i % 2 == 0 ? key : await harness.Tokens.IssueAsync(merchantId, keyId, new HashSet<string> { ApiScopes.Read }, CancellationToken.None);
            statuses.Add((await harness.AdmitAsync(ApiRoutes.ListPayments, bearer)).Status);
        }

        Assert.All(statuses[..SecurityHarness.KeyLimit], s => Assert.Equal(200, s));
        Assert.Equal(429, statuses[^1]);
    }

    [Fact]
    public async Task AnOperatorToken_IsAdmittedOnOperatorRoutes_UntilTheOperatorIsDisabled()
    {
        var id = harness.Operators.NewOperatorId();
        await harness.Operators.CreateAsync(id, "Desk", new HashSet<string> { ApiScopes.OpsSettlements }, "operator:op_bootstrap", CancellationToken.None);
        var token = await harness.Tokens.IssueAsync(id, id, new HashSet<string> { ApiScopes.OpsSettlements }, CancellationToken.None);

        Assert.Equal(200, (await harness.AdmitAsync(ApiRoutes.RunSettlement, token)).Status);

        await harness.Operators.DisableAsync(id, CancellationToken.None);

        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.RunSettlement, token)).Status);
    }
}
