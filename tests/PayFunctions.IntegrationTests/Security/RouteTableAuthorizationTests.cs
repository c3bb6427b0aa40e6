using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>
/// Function- and object-level authorisation over the whole of <see cref="ApiRoutes.All"/>, one request
/// per route per case. The cases are generated from the route table, so a new route that is not public
/// fails here, by name, until <see cref="RouteCase.All"/> says how it is called and how another
/// merchant's object is kept from it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RouteTableAuthorizationTests(PlatformFixture platform, MerchantObjects objects) : IClassFixture<MerchantObjects>
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public void EveryRoute_IsPublicOrHasACase_AndEveryCaseIsARoute()
    {
        var missing = ApiRoutes.All.Where(r => r.Access.Audience != Audience.Public && !RouteCase.All.ContainsKey(r.Name)).Select(r => r.Name).ToList();
        Assert.True(missing.Count == 0, "Routes without an authorisation case: " + string.Join(", ", missing));
        Assert.All(RouteCase.All.Values, c => Assert.Contains(c.Route, ApiRoutes.All));
    }

    [Theory]
    [MemberData(nameof(RouteCase.ProtectedRouteNames), MemberType = typeof(RouteCase))]
    public async Task WithoutCredential_Answers401_AndChangesNothing(string route)
    {
        var (status, problem, response) = await CallAsync(RouteCase.Of(route), credential: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("api_key_invalid", (string?)problem["code"]);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RouteCase.ProtectedRouteNames), MemberType = typeof(RouteCase))]
    public async Task WithACredentialOfTheOtherAudience_Answers403_AndChangesNothing(string route)
    {
        var routeCase = RouteCase.Of(route);
        var made = await objects.GetAsync(platform);
        var other = routeCase.Route.Access.Audience == Audience.Merchant ? made.OperatorKey : PlatformFixture.DemoApiKey;

        var (status, problem, _) = await CallAsync(routeCase, other);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("insufficient_scope", (string?)problem["code"]);
    }

    [Theory]
    [MemberData(nameof(RouteCase.ProtectedRouteNames), MemberType = typeof(RouteCase))]
    public async Task WithACredentialLackingExactlyTheRoutesScope_Answers403_AndChangesNothing(string route)
    {
        var routeCase = RouteCase.Of(route);
        var made = await objects.GetAsync(platform);
        var scope = routeCase.Route.Access.Scope!;
        var lacking = routeCase.Route.Access.Audience == Audience.Merchant ? made.LackingScope[scope] : made.OperatorLackingScope[scope];

        var (status, problem, response) = await CallAsync(routeCase, lacking);

        Assert.True(status == HttpStatusCode.Forbidden, $"{route} without '{scope}' answered {status}: {problem}");
        Assert.Equal("insufficient_scope", (string?)problem["code"]);
        Assert.Contains($"scope=\"{scope}\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RouteCase.MerchantRouteNames), MemberType = typeof(RouteCase))]
    public async Task AnotherMerchant_NeverReachesTheObjectsOfMerchantA(string route)
    {
        var routeCase = RouteCase.Of(route);
        Assert.True(routeCase.Bola != Bola.Operator, $"{route} is a merchant route filed as an operator's.");
        Assert.True(
            !routeCase.Route.Template.Contains('{', StringComparison.Ordinal) || routeCase.Bola == Bola.ById,
            $"{route} names an object in its path, so another merchant's id must be proven a 404.");
        var made = await objects.GetAsync(platform);

        var (status, body, response) = await CallAsync(routeCase, PlatformFixture.OtherApiKey);

        switch (routeCase.Bola)
        {
            case Bola.ById:
                Assert.True(status == HttpStatusCode.NotFound, $"{route} as the other merchant answered {status}: {body}");
                Assert.Equal("resource_missing", (string?)body["code"]);
                break;
            case Bola.List:
                Assert.Equal(HttpStatusCode.OK, status);
                var text = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(PlatformFixture.DemoMerchantId, text, StringComparison.Ordinal);
                Assert.All(made.Ids, id => Assert.DoesNotContain(id, text, StringComparison.Ordinal));
                break;
            default:
                // Creates, the balance and the policy act on the caller's own merchant: whatever B did
                // here, A's objects (probed by CallAsync) must not have moved, and nothing of A is shown.
                Assert.All(made.Ids, id => Assert.DoesNotContain(id, body.ToJsonString(), StringComparison.Ordinal));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(RouteCase.OperatorRouteNames), MemberType = typeof(RouteCase))]
    public async Task AMerchantToken_OnAnOperatorRoute_Answers403(string route)
    {
        var token = await TokenAsync();

        var (status, problem, _) = await CallAsync(RouteCase.Of(route), token);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("insufficient_scope", (string?)problem["code"]);
    }

    /// <summary>
    /// Sends the route's call and checks that what it would change (its probe, read as A) reads the same
    /// afterwards, unless the call was let through (the other merchant's own creates).
    /// </summary>
    private async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> CallAsync(RouteCase routeCase, string? credential)
    {
        var made = await objects.GetAsync(platform);
        var probe = routeCase.Probe?.Invoke(made);
        var owner = routeCase.Route.Access.Audience == Audience.Operator ? PlatformFixture.OperatorKey : PlatformFixture.DemoApiKey;
        var before = probe is null ? null : await FingerprintAsync(probe, owner);

        using var request = routeCase.Request(made, credential);
        var answer = await scenario.SendAsync(request);

        Assert.True((int)answer.Status < 500, $"{routeCase.Route.Name} answered {answer.Status}: {answer.Body}");
        if (probe is not null && (int)answer.Status >= 400)
        {
            Assert.Equal(before, await FingerprintAsync(probe, owner));
        }

        if ((int)answer.Status >= 400)
        {
            Assert.Equal(ApiError.ContentType, answer.Response.Content.Headers.ContentType?.MediaType);
        }

        return answer;
    }

    /// <summary>The ids and states a GET answers: what a write, had it gone through, would have changed.</summary>
    private async Task<string> FingerprintAsync(string path, string credential)
    {
        using var request = platform.Request(HttpMethod.Get, path, credential);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        if (body["data"] is null && body["id"] is null)
        {
            return body.ToJsonString();
        }

        var items = body["data"] is JsonArray data ? data.Select(d => d!.AsObject()) : [body];
        return string.Join(';', items.Select(i => $"{i["id"]}:{i["status"]}:{i["disabled_at"]}:{i["amount_refunded"]}:{i["objective"]}"));
    }

    private async Task<string> TokenAsync()
    {
        using var create = platform.Request(HttpMethod.Post, "api/v1/api_keys", json: """{"name":"token client"}""");
        var key = (await scenario.SendAsync(create)).Body;
        return await OAuth.TokenAsync(platform, (string)key["id"]!, (string)key["secret"]!);
    }
}
