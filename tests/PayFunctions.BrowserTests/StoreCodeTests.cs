using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PayFunctions.IntegrationTests;

namespace PayFunctions.BrowserTests;

/// <summary>A store's static code, opened by each wallet's app browser and by any other browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StoreCodeTests(PlatformFixture platform, BrowserFixture browser)
{
    private const string WeChat = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN";
    private const string Alipay = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 AlipayClient/10.5.36.8000 Language/zh-Hans";
    private const string UnionPay = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 (com.unionpay.chsp) (cordova 7.0.0) (updebug 0) (version 1000) (UnionPay/1.0 CloudPay)";
    private const string Safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task A_store_has_a_code_address_and_printable_QR_images()
    {
        var store = await CreateStoreAsync("""{"name":"Corner café","amount":1200}""");
        Assert.Equal("store", (string?)store["object"]);
        Assert.Equal(1200, (long)store["amount"]!);
        Assert.Equal("cny", (string?)store["currency"]);
        Assert.Matches("/api/s/[A-Za-z0-9_-]{22}$", (string)store["code_url"]!);

        using var png = await platform.Api.SendAsync(platform.Request(HttpMethod.Get, $"api/v1/stores/{store["id"]}/qr.png"));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0x89, (await png.Content.ReadAsByteArrayAsync())[0]);
        using var svg = await platform.Api.SendAsync(platform.Request(HttpMethod.Get, $"api/v1/stores/{store["id"]}/qr.svg"));
        Assert.StartsWith("<svg", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var other = await platform.Api.SendAsync(platform.Request(HttpMethod.Get, $"api/v1/stores/{store["id"]}", PlatformFixture.OtherApiKey));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Alipay_opens_its_in_app_payment_for_the_entered_amount()
    {
        var (page, payment) = await ScanAndPayAsync(Alipay, "12.30");
        var redirect = page.Locator("#pay-redirect");
        await redirect.WaitForAsync();
        Assert.StartsWith(platform.Sandbox.BaseAddress!.AbsoluteUri, await redirect.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal("alipay.wap", (string?)payment["method"]);
        Assert.Equal(1230, (long)payment["amount"]!);
        await PageChecks.ScreenshotAsync(page, "store-alipay-phone");
    }

    [Fact]
    public async Task UnionPay_opens_its_QR_payment_and_the_payer_pays_it()
    {
        var (page, payment) = await ScanAndPayAsync(UnionPay, "8");
        await page.Locator("svg.qr").WaitForAsync();
        Assert.Equal("unionpay.qr", (string?)payment["method"]);
        Assert.Equal(800, (long)payment["amount"]!);
        var id = (string)payment["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.SandboxPostAsync($"sandbox/unionpay/orders/{id}/pay"));
        await page.Locator("[data-result=succeeded]").WaitForAsync();
        await PageChecks.ScreenshotAsync(page, "store-unionpay-succeeded-phone");
    }

    [Fact]
    public async Task WeChat_identifies_the_payer_and_its_JS_bridge_pays_by_JSAPI()
    {
        var store = await CreateStoreAsync("""{"name":"Noodle bar"}""");
        await using var context = await browser.NewContextAsync(userAgent: WeChat);
        var bridgeCalls = new List<(string Command, string Package)>();
        await context.ExposeFunctionAsync("payInSandbox", async (string path, string command, string package) =>
        {
            bridgeCalls.Add((command, package));
            return (int)await scenario.SandboxPostAsync($"sandbox/wechat_pay/orders/{path.Split('/')[^1]}/pay");
        });

        // Stands in for the bridge WeChat's browser injects: the payer confirms, WeChat Pay takes the money, the page hears "ok".
        await context.AddInitScriptAsync("""
            window.WeixinJSBridge = {
              invoke: function (command, parameters, callback) {
                window.payInSandbox(location.pathname, command, parameters.package)
                  .then(function () { callback({ err_msg: "get_brand_wcpay_request:ok" }); });
              }
            };
            """);
        var page = await context.NewPageAsync();
        await page.GotoAsync((string)store["code_url"]!);
        await page.GetByLabel("Amount (CNY)").FillAsync("5.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();

        await page.Locator("[data-result=succeeded]").WaitForAsync();
        var payment = await scenario.GetPaymentAsync(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        Assert.Equal("wechat_pay.jsapi", (string?)payment["method"]);
        Assert.Equal(550, (long)payment["amount"]!);
        Assert.Equal("succeeded", (string?)payment["status"]);
        var (command, package) = Assert.Single(bridgeCalls);
        Assert.Equal("getBrandWCPayRequest", command);
        Assert.StartsWith("prepay_id=", package, StringComparison.Ordinal);
        await PageChecks.ScreenshotAsync(page, "store-wechat-jsapi-succeeded-phone");
    }

    [Fact]
    public async Task Any_other_browser_gets_every_method_and_a_wrong_amount_is_explained()
    {
        var store = await CreateStoreAsync("""{"name":"Night market stall"}""");
        await using var context = await browser.NewContextAsync(userAgent: Safari);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync((string)store["code_url"]!);
        PageChecks.AssertHardened(response!);
        await page.GetByLabel("Amount (CNY)").FillAsync("1.234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
        Assert.True(await page.GetByRole(AriaRole.Alert).IsVisibleAsync());
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await PageChecks.ScreenshotAsync(page, "store-amount-error-phone");

        await page.GetByLabel("Amount (CNY)").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
        await page.WaitForURLAsync("**/api/checkout/**");
        var offered = await page.Locator("input[name=method]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.Contains(offered, m => m.StartsWith("wechat_pay.", StringComparison.Ordinal));
        Assert.Contains(offered, m => m.StartsWith("alipay.", StringComparison.Ordinal));
        Assert.Contains(offered, m => m.StartsWith("unionpay.", StringComparison.Ordinal));

        // The app method hands parameters to an SDK, which a web page has not: the page can only say so.
        await page.Locator("input[value='wechat_pay.app']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator(".use-sdk").WaitForAsync();
        Assert.Contains("WeChat Pay", await page.Locator(".use-sdk").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#pay-in-app").CountAsync());
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_leads_to_the_same_payment()
    {
        var store = await CreateStoreAsync("""{"name":"Bakery","amount":300}""");
        var codeUrl = (string)store["code_url"]!;
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var html = await client.GetStringAsync(codeUrl);
        var nonce = System.Text.RegularExpressions.Regex.Match(html, "name=\"nonce\" value=\"([^\"]+)\"").Groups[1].Value;

        async Task<string> SubmitAsync()
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["nonce"] = nonce, ["lang"] = "en" });
            using var response = await client.PostAsync(codeUrl, form);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            return response.Headers.Location!.AbsoluteUri;
        }

        Assert.Equal(await SubmitAsync(), await SubmitAsync());
    }

    private async Task<(IPage Page, JsonObject Payment)> ScanAndPayAsync(string userAgent, string amount)
    {
        var store = await CreateStoreAsync("""{"name":"Noodle bar"}""");
        var context = await browser.NewContextAsync(userAgent: userAgent);
        var page = await context.NewPageAsync();
        await page.GotoAsync((string)store["code_url"]!);
        await page.GetByLabel("Amount (CNY)").FillAsync(amount);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
        await page.WaitForURLAsync("**/api/checkout/**");
        var id = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var payment = await scenario.GetPaymentAsync(id);
        Assert.Equal((string)store["id"]!, (string?)payment["metadata"]?["store"]);
        return (page, payment);
    }

    private async Task<JsonObject> CreateStoreAsync(string json)
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/stores", json: json);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"store create answered {status}: {body}\n{platform.HostLogTail()}");
        return body;
    }
}
