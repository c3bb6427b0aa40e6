using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChannelSandbox.Tests;

public sealed class AuthenticationTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task Unsigned_request_is_rejected_with_SIGN_ERROR()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/pay/transactions/native")
        {
            Content = new StringContent(Prepay.Body(Prepay.NewOutTradeNo(), "https://merchant.example/notify"), Encoding.UTF8, "application/json"),
        };
        using var response = await host.Client.SendAsync(request);

        await AssertSignErrorAsync(response);
    }

    [Fact]
    public async Task Request_signed_with_another_key_is_rejected()
    {
        using var stranger = RSA.Create(2048);
        using var request = host.Merchant.SignedWith(stranger, HttpMethod.Post, "/v3/pay/transactions/native", Prepay.Body(Prepay.NewOutTradeNo(), "https://merchant.example/notify"));
        using var response = await host.Client.SendAsync(request);

        await AssertSignErrorAsync(response);
    }

    [Fact]
    public async Task Body_changed_after_signing_is_rejected()
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        using var request = host.Merchant.SignedRequest(HttpMethod.Post, "/v3/pay/transactions/native", Prepay.Body(outTradeNo, "https://merchant.example/notify", total: 1));
        request.Content = new StringContent(Prepay.Body(outTradeNo, "https://merchant.example/notify", total: 100_000), Encoding.UTF8, "application/json");
        using var response = await host.Client.SendAsync(request);

        await AssertSignErrorAsync(response);
    }

    private static async Task AssertSignErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(401, (int)response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SIGN_ERROR", error.GetProperty("code").GetString());
    }
}
