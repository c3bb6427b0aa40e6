using System.Net.Http.Json;
using System.Text.Json;

namespace ChannelSandbox.Tests.WeChatPay;

/// <summary>Signed API v3 calls and control calls for the scenario, refund and rotation tests.</summary>
public static class SignedApi
{
    public static async Task<(int Status, JsonElement Body)> SendAsync(SandboxHost host, HttpMethod method, string path, object? body = null)
    {
        var json = body is null ? null : JsonSerializer.Serialize(body);
        using var response = await host.Client.SendAsync(host.Merchant.SignedRequest(method, path, json));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(int Status, JsonElement Body)> ControlAsync(SandboxHost host, string path, object? body = null)
    {
        using var response = await host.Client.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static object Order(string outTradeNo, string appId = SandboxHost.AppId, string notifyUrl = "https://merchant.example/notify", long total = 100) => new
    {
        appid = appId,
        mchid = SandboxHost.MchId,
        description = "Image形象店-深圳腾大-QQ公仔",
        out_trade_no = outTradeNo,
        notify_url = notifyUrl,
        amount = new { total, currency = "CNY" },
    };

    public static Dictionary<string, object> With(object order, string name, object value)
    {
        var fields = JsonSerializer.SerializeToElement(order).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields[name] = value;
        return fields;
    }

    public static object CodePay(string outTradeNo, string authCode = "130061098828009406", long total = 100) => new
    {
        appid = SandboxHost.AppId,
        mchid = SandboxHost.MchId,
        description = "Image形象店-深圳腾大-QQ公仔",
        out_trade_no = outTradeNo,
        payer = new { auth_code = authCode },
        amount = new { total, currency = "CNY" },
        scene_info = new { store_info = new { out_id = "A1111" } },
    };
}
