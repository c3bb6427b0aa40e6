using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>A store code scanned in WeChat: the official account's web authorization gives the openid JSAPI needs.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class WeChatPayStoreCodeTests(PlatformFixture platform) : IDisposable
{
    private const string WeChat = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F37) NetType/WIFI Language/zh_CN";

    private readonly Scenario scenario = new(platform);
    private readonly HttpClient browser = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose() => browser.Dispose();

    [Fact]
    public async Task The_payer_is_identified_by_wechat_and_pays_by_JSAPI_and_a_tampered_state_creates_nothing()
    {
        var (store, codeUrl) = await CreateStoreAsync();
        var authorize = await SubmitAsync(codeUrl, "3.2");
        Assert.StartsWith(platform.Sandbox.BaseAddress!.AbsoluteUri + "connect/oauth2/authorize?appid=wx8888888888888888&redirect_uri=" + Uri.EscapeDataString(codeUrl + "/authorized?lang=zh") + "&response_type=code&scope=snsapi_base&state=", authorize, StringComparison.Ordinal);
        Assert.EndsWith("#wechat_redirect", authorize, StringComparison.Ordinal);

        var callback = await WeChatAnswersAsync(authorize, payer: "it-" + Guid.NewGuid().ToString("N"));
        Assert.StartsWith(codeUrl + "/authorized?lang=zh&code=", callback, StringComparison.Ordinal);
        var state = Regex.Match(callback, "[?&]state=([A-Za-z0-9]+)").Groups[1].Value;

        // The amount is the state's last digits: 320 becomes 990, and the seal no longer matches.
        using (var tampered = await GetAsync(callback.Replace("state=" + state, "state=" + state[..^3] + "990", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
            Assert.Contains("该支付请求已过期或无效", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var answered = await GetAsync(callback);
        Assert.True(answered.StatusCode == HttpStatusCode.SeeOther, $"{answered.StatusCode}: {await answered.Content.ReadAsStringAsync()}\n{platform.HostLogTail()}");
        var cashier = answered.Headers.Location!.AbsoluteUri;
        Assert.EndsWith("&lang=zh", cashier, StringComparison.Ordinal);
        var id = new Uri(cashier).AbsolutePath.Split('/')[^1];

        var payment = await scenario.GetPaymentAsync(id);
        Assert.Equal("wechat_pay.jsapi", (string?)payment["method"]);
        Assert.Equal(320, (long)payment["amount"]!);
        Assert.Equal((string)store["id"]!, (string?)payment["metadata"]?["store"]);
        Assert.Equal("use_sdk", (string?)payment["next_action"]?["type"]);
        Assert.StartsWith("prepay_id=", (string?)payment["next_action"]?["use_sdk"]?["parameters"]?["package"], StringComparison.Ordinal);

        // The order WeChat Pay holds names the payer the web authorization identified.
        var order = JsonNode.Parse(await platform.Sandbox.GetStringAsync($"sandbox/wechat_pay/orders/{id}"))!;
        Assert.Equal("JSAPI", (string?)order["trade_type"]);
        Assert.Matches("^o[A-Za-z0-9_-]{27}$", (string?)order["transaction"]?["payer"]?["openid"]);

        // A reload of the return (its code already spent) lands on the same payment.
        using (var again = await GetAsync(callback))
        {
            Assert.Equal(cashier, again.Headers.Location?.AbsoluteUri);
        }

        Assert.Single(await PaymentsOfAsync((string)store["id"]!));
    }

    [Fact]
    public async Task A_code_wechat_refuses_leads_back_to_the_store_page_and_creates_nothing()
    {
        var (store, codeUrl) = await CreateStoreAsync();
        var callback = await WeChatAnswersAsync(await SubmitAsync(codeUrl, "1"), payer: "it-refused");
        var forged = Regex.Replace(callback, "code=[A-Za-z0-9]+", "code=NotIssuedByWeChat");

        using var refused = await GetAsync(forged);

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Contains("微信支付未能确认付款人身份", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await PaymentsOfAsync((string)store["id"]!));
    }

    private async Task<(JsonObject Store, string CodeUrl)> CreateStoreAsync()
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/stores", json: """{"name":"Tea house"}""");
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, status);
        return (body, (string)body["code_url"]!);
    }

    /// <summary>The store form, posted from WeChat's browser: answered with the page that leaves for the web authorization.</summary>
    private async Task<string> SubmitAsync(string codeUrl, string amount)
    {
        using var page = await GetAsync(codeUrl);
        var nonce = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"nonce\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, codeUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["nonce"] = nonce, ["amount"] = amount, ["lang"] = "zh" }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", WeChat);
        using var response = await browser.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {html}");
        return WebUtility.HtmlDecode(AuthorizeLink().Match(html).Groups[1].Value);
    }

    /// <summary>WeChat's authorize page for one simulated user: silent for snsapi_base, it sends the browser back at once.</summary>
    private async Task<string> WeChatAnswersAsync(string authorize, string payer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, authorize);
        request.Headers.Add("Cookie", "wechat_payer=" + payer);
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.AbsoluteUri;
    }

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", WeChat);
        return await browser.SendAsync(request);
    }

    private async Task<List<JsonNode>> PaymentsOfAsync(string storeId)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/payments?limit=100");
        var (_, body, _) = await scenario.SendAsync(request);
        return [.. body["data"]!.AsArray().OfType<JsonNode>().Where(p => (string?)p["metadata"]?["store"] == storeId)];
    }

    [GeneratedRegex("id=\"authorize\" href=\"([^\"]+)\"")]
    private static partial Regex AuthorizeLink();
}
