using System.Net;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>The client-credentials grant at <c>POST /api/oauth/token</c>, as a merchant's server or an operator's script calls it.</summary>
public static class OAuth
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> RequestAsync(PlatformFixture platform, string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await platform.Api.PostAsync("api/oauth/token", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : []);
    }

    public static async Task<string> TokenAsync(PlatformFixture platform, string clientId, string secret, string? scope = null)
    {
        var (status, body) = await RequestAsync(platform, clientId, secret, scope);
        Assert.True(status == HttpStatusCode.OK, $"token endpoint answered {status}: {body}");
        return (string)body["access_token"]!;
    }
}
