using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>OAuth client credentials and operator identities through LocalHost, as a merchant's server and an operator use them.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OAuthTokenTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task A_restricted_key_gets_a_token_that_reads_and_verifies_with_the_published_keys_but_cannot_write()
    {
        using var create = platform.Request(HttpMethod.Post, "api/v1/api_keys", json: """{"name":"reports","scopes":["read"]}""");
        var (created, key, _) = await scenario.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(["read"], key["scopes"]!.AsArray().Select(s => (string)s!));

        var (status, token) = await TokenAsync((string)key["id"]!, (string)key["secret"]!, scope: null);

        Assert.Equal(HttpStatusCode.OK, status);
        var accessToken = (string)token["access_token"]!;
        Assert.Equal("read", (string?)token["scope"]);
        using var read = platform.Request(HttpMethod.Get, "api/v1/payments?limit=1", accessToken);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(read)).Status);
        using var write = platform.Request(HttpMethod.Post, "api/v1/payments", accessToken, """{"amount":100,"currency":"cny","method":"wechat_pay_native","description":"x"}""");
        var (writeStatus, problem, _) = await scenario.SendAsync(write);
        Assert.Equal(HttpStatusCode.Forbidden, writeStatus);
        Assert.Equal("insufficient_scope", (string?)problem["code"]);

        using var jwks = await platform.Api.GetAsync(new Uri("api/oauth/jwks", UriKind.Relative));
        var set = new JsonWebKeySet(await jwks.Content.ReadAsStringAsync());
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidAudience = "payfunctions-api",
            IssuerSigningKeys = set.GetSigningKeys(),
        });
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal(PlatformFixture.DemoMerchantId, ((JsonWebToken)validated.SecurityToken).Subject);
    }

    [Fact]
    public async Task Operators_are_identities_with_their_own_scopes_that_another_operator_can_disable()
    {
        using var create = platform.Request(
            HttpMethod.Post, "api/ops/operators", PlatformFixture.OperatorKey, """{"name":"FX desk","scopes":["ops:fx"]}""");
        var (created, op, _) = await scenario.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created);
        var operatorKey = (string)op["key"]!;
        Assert.Equal("operator:op_bootstrap", (string?)op["created_by"]);

        using var fx = platform.Request(HttpMethod.Get, "api/ops/fx_rates", operatorKey);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(fx)).Status);
        using var merchants = platform.Request(HttpMethod.Post, "api/ops/merchants", operatorKey, """{"name":"Not allowed"}""");
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.SendAsync(merchants)).Status);
        using var escalate = platform.Request(HttpMethod.Post, "api/ops/operators", operatorKey, """{"name":"Escalated","scopes":["ops:operators"]}""");
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.SendAsync(escalate)).Status);

        var (tokenStatus, token) = await TokenAsync((string)op["id"]!, operatorKey, "ops:fx");
        Assert.Equal(HttpStatusCode.OK, tokenStatus);

        using var disable = platform.Request(HttpMethod.Post, $"api/ops/operators/{op["id"]}/disable", PlatformFixture.OperatorKey, "{}");
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(disable)).Status);
        using var afterKey = platform.Request(HttpMethod.Get, "api/ops/fx_rates", operatorKey);
        using var afterToken = platform.Request(HttpMethod.Get, "api/ops/fx_rates", (string)token["access_token"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.SendAsync(afterKey)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.SendAsync(afterToken)).Status);
    }

    [Fact]
    public async Task A_wrong_secret_is_an_invalid_client_in_OAuths_own_error_format()
    {
        var (status, error) = await TokenAsync("key_000000000000000000000000", "sk_live_00000000000000000000000000000000", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", (string?)error["error"]);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(string clientId, string secret, string? scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/oauth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret))));
        using var response = await platform.Api.SendAsync(request);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
