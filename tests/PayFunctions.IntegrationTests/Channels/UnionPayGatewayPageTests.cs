using System.Net;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>The page that posts a payment's signed gateway form: only its own checkout token opens it, and only while the payer can still pay.</summary>
[Collection(PlatformCollection.Name)]
public sealed class UnionPayGatewayPageTests(PlatformFixture platform)
{
    private readonly ChannelFlow flow = new(platform, "unionpay");

    [Fact]
    public async Task The_form_page_refuses_missing_wrong_and_foreign_tokens_and_stops_posting_once_paid()
    {
        var (id, redirect) = await CreateAsync();
        var (otherId, otherRedirect) = await CreateAsync();
        var token = Token(redirect);
        var otherToken = Token(otherRedirect);
        Assert.NotEqual(token, otherToken);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.Api.BaseAddress };
        var wrong = (token[0] == 'A' ? "B" : "A") + token[1..];
        foreach (var path in new[]
        {
            $"api/checkout/{id}/redirect",
            $"api/checkout/{id}/redirect?token={wrong}",
            $"api/checkout/{id}/redirect?token={otherToken}",
            $"api/checkout/{otherId}/redirect?token={token}",
            $"api/checkout/pay_0/redirect?token={token}",
        })
        {
            using var refused = await browser.GetAsync(path);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
            Assert.DoesNotContain("signature", html, StringComparison.Ordinal);
            Assert.DoesNotContain("frontTransReq", html, StringComparison.Ordinal);
        }

        // The front notification's form post lands on the cashier page only with the payment's own token.
        using (var back = await browser.PostAsync($"api/checkout/{id}?token={otherToken}", new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.NotFound, back.StatusCode);
        }

        await UnionPayGatewayPayer.PayAsync(platform, id, redirect);
        await flow.WaitForStatusAsync(id, "succeeded");

        // Paid: the page no longer posts the form but sends the payer to the cashier page, which shows the result.
        using var after = await browser.GetAsync(redirect.PathAndQuery[1..]);
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
        Assert.Equal($"/api/checkout/{id}", after.Headers.Location!.AbsolutePath);
        Assert.Contains("token=" + token, after.Headers.Location.Query, StringComparison.Ordinal);
        using var returned = await browser.PostAsync($"api/checkout/{id}?token={token}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.SeeOther, returned.StatusCode);
        Assert.Equal($"/api/checkout/{id}", returned.Headers.Location!.AbsolutePath);
        Assert.Single(await flow.Scenario.LedgerEntriesForAsync(id));
    }

    private async Task<(string Id, Uri Redirect)> CreateAsync()
    {
        var created = await flow.CreateAsync(ChannelFlow.Body(flow.Method("unionpay.gateway")));
        return ((string)created["id"]!, new Uri((string)created["next_action"]!["redirect_to_url"]!["url"]!));
    }

    private static string Token(Uri redirect) => System.Web.HttpUtility.ParseQueryString(redirect.Query)["token"]!;
}
