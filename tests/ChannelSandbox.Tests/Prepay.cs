using System.Net.Http.Json;
using System.Text.Json;

namespace ChannelSandbox.Tests;

/// <summary>Builds Native prepay bodies and places orders through the signed API.</summary>
public static class Prepay
{
    public static string NewOutTradeNo() => "T" + Guid.NewGuid().ToString("N")[..20];

    public static string Body(string outTradeNo, string notifyUrl, long total = 100, DateTimeOffset? timeExpire = null) =>
        JsonSerializer.Serialize(new
        {
            appid = SandboxHost.AppId,
            mchid = SandboxHost.MchId,
            description = "Image形象店-深圳腾大-QQ公仔",
            out_trade_no = outTradeNo,
            time_expire = (timeExpire ?? DateTimeOffset.UtcNow.AddMinutes(30)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            attach = "order-42",
            notify_url = notifyUrl,
            amount = new { total, currency = "CNY" },
        });

    public static async Task<HttpResponseMessage> SendAsync(SandboxHost host, string body) =>
        await host.Client.SendAsync(host.Merchant.SignedRequest(HttpMethod.Post, "/v3/pay/transactions/native", body));

    public static async Task<string> PlaceAsync(SandboxHost host, string notifyUrl = "https://merchant.example/notify", DateTimeOffset? timeExpire = null)
    {
        var outTradeNo = NewOutTradeNo();
        using var response = await SendAsync(host, Body(outTradeNo, notifyUrl, timeExpire: timeExpire));
        Assert.Equal(200, (int)response.StatusCode);
        return outTradeNo;
    }

    public static async Task<JsonElement> QueryAsync(SandboxHost host, string outTradeNo)
    {
        using var response = await host.Client.SendAsync(host.Merchant.SignedRequest(HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={SandboxHost.MchId}"));
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> PayAsync(SandboxHost host, string outTradeNo, object? command = null) =>
        await host.Client.PostAsJsonAsync($"/sandbox/wechat_pay/orders/{outTradeNo}/pay", command ?? new { });
}
