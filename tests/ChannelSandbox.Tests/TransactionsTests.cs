using System.Net.Http.Json;
using System.Text.Json;

namespace ChannelSandbox.Tests;

public sealed class TransactionsTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task Signed_prepay_returns_a_code_url_in_a_platform_signed_response()
    {
        using var response = await Prepay.SendAsync(host, Prepay.Body(Prepay.NewOutTradeNo(), "https://merchant.example/notify"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", JsonDocument.Parse(body).RootElement.GetProperty("code_url").GetString(), StringComparison.Ordinal);
        Assert.Equal(SandboxHost.PlatformSerial, Header(response, "Wechatpay-Serial"));
        Assert.False(string.IsNullOrEmpty(Header(response, "Request-ID")));
        Assert.True(host.Merchant.VerifiesPlatformSignature(
            Header(response, "Wechatpay-Timestamp"), Header(response, "Wechatpay-Nonce"), Header(response, "Wechatpay-Signature"), body));
    }

    [Fact]
    public async Task Same_parameters_give_the_same_code_url_and_changed_ones_are_OUT_TRADE_NO_USED()
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        var expire = DateTimeOffset.UtcNow.AddMinutes(10);
        using var first = await Prepay.SendAsync(host, Prepay.Body(outTradeNo, "https://merchant.example/notify", 100, expire));
        using var again = await Prepay.SendAsync(host, Prepay.Body(outTradeNo, "https://merchant.example/notify", 100, expire));
        using var changed = await Prepay.SendAsync(host, Prepay.Body(outTradeNo, "https://merchant.example/notify", 200, expire));

        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code_url").GetString(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code_url").GetString());
        Assert.Equal(403, (int)changed.StatusCode);
        Assert.Equal("OUT_TRADE_NO_USED", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Invalid_total_is_PARAM_ERROR()
    {
        using var response = await Prepay.SendAsync(host, Prepay.Body(Prepay.NewOutTradeNo(), "https://merchant.example/notify", total: 0));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("PARAM_ERROR", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Closing_an_unpaid_order_answers_204_and_the_query_shows_CLOSED()
    {
        var outTradeNo = await Prepay.PlaceAsync(host);

        using var close = await CloseAsync(outTradeNo);

        Assert.Equal(204, (int)close.StatusCode);
        Assert.Equal("CLOSED", (await Prepay.QueryAsync(host, outTradeNo)).GetProperty("trade_state").GetString());
    }

    [Fact]
    public async Task Closing_a_paid_order_is_ORDERPAID()
    {
        var outTradeNo = await Prepay.PlaceAsync(host);
        using var pay = await Prepay.PayAsync(host, outTradeNo, new { notify = false });

        using var close = await CloseAsync(outTradeNo);

        Assert.Equal(400, (int)close.StatusCode);
        Assert.Equal("ORDERPAID", (await close.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var transaction = await Prepay.QueryAsync(host, outTradeNo);
        Assert.Equal("SUCCESS", transaction.GetProperty("trade_state").GetString());
        Assert.Equal(100, transaction.GetProperty("amount").GetProperty("payer_total").GetInt64());
    }

    [Fact]
    public async Task Unknown_order_is_ORDER_NOT_EXIST()
    {
        using var response = await host.Client.SendAsync(host.Merchant.SignedRequest(HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/{Prepay.NewOutTradeNo()}?mchid={SandboxHost.MchId}"));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("ORDER_NOT_EXIST", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_order_past_time_expire_is_closed_and_cannot_be_paid()
    {
        var outTradeNo = await Prepay.PlaceAsync(host, timeExpire: DateTimeOffset.UtcNow.AddSeconds(2));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal("CLOSED", (await Prepay.QueryAsync(host, outTradeNo)).GetProperty("trade_state").GetString());
        using var pay = await Prepay.PayAsync(host, outTradeNo);
        Assert.Equal(409, (int)pay.StatusCode);
        Assert.Equal("ORDER_CLOSED", (await pay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private async Task<HttpResponseMessage> CloseAsync(string outTradeNo) =>
        await host.Client.SendAsync(host.Merchant.SignedRequest(
            HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{outTradeNo}/close", $$"""{"mchid":"{{SandboxHost.MchId}}"}"""));

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
