using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PayFunctions.Channels.WeChatPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>JSAPI, mini-program, H5 and App orders: the documented request bodies and what the payer's client gets.</summary>
public sealed class ScenarioTests : IDisposable
{
    private const string OutTradeNo = "pay_01HV6Z5K3M";
    private const string PrepayId = "wx201410272009395522657a690389285100";
    private const string MiniProgramAppId = "wxminiprogram00001";
    private const string MobileAppId = "wxmobileapp0000001";
    private readonly TestAccount _account = new(options =>
    {
        options.MiniProgramAppId = MiniProgramAppId;
        options.MobileAppId = MobileAppId;
    });

    public void Dispose() => _account.Dispose();

    [Theory]
    [InlineData("wechat_pay.jsapi", TestAccount.AppId)]
    [InlineData("wechat_pay.mini_program", MiniProgramAppId)]
    public async Task Jsapi_SendsThePayer_AndReturnsSignedClientParameters(string method, string appId)
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, $$"""{"prepay_id":"{{PrepayId}}"}""");

        var result = await _account.Client.PrepayAsync(Request(method) with { PayerId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" }, CancellationToken.None);

        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal("/v3/pay/transactions/jsapi", sent.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal(appId, json.RootElement.GetProperty("appid").GetString());
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", json.RootElement.GetProperty("payer").GetProperty("openid").GetString());
        var parameters = Assert.IsType<UseSdk>(result.NextAction).Parameters;
        Assert.Equal(["appId", "timeStamp", "nonceStr", "package", "signType", "paySign"], parameters.Keys);
        Assert.Equal(appId, parameters["appId"]);
        Assert.Equal(_account.UnixNow.ToString(CultureInfo.InvariantCulture), parameters["timeStamp"]);
        Assert.Equal("prepay_id=" + PrepayId, parameters["package"]);
        Assert.Equal("RSA", parameters["signType"]);
        Assert.True(VerifiedByMerchantKey(
            $"{appId}\n{parameters["timeStamp"]}\n{parameters["nonceStr"]}\nprepay_id={PrepayId}\n", parameters["paySign"]));
    }

    [Fact]
    public async Task Jsapi_WithoutOpenid_IsRefusedBeforeAnyCall()
    {
        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Request("wechat_pay.jsapi"), CancellationToken.None));

        Assert.Equal("PAYER_DETAILS_MISSING", error.Code);
        Assert.Empty(_account.Handler.Requests);
    }

    [Fact]
    public async Task App_ReturnsSignedSdkParameters()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"prepay_id":"wx26112221580621e9b071c00d9e093b0000"}""");

        var result = await _account.Client.PrepayAsync(Request("wechat_pay.app"), CancellationToken.None);

        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal("/v3/pay/transactions/app", sent.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal(MobileAppId, json.RootElement.GetProperty("appid").GetString());
        var parameters = Assert.IsType<UseSdk>(result.NextAction).Parameters;
        Assert.Equal(["appid", "partnerid", "prepayid", "package", "noncestr", "timestamp", "sign"], parameters.Keys);
        Assert.Equal(TestAccount.MchId, parameters["partnerid"]);
        Assert.Equal("Sign=WXPay", parameters["package"]);
        Assert.True(VerifiedByMerchantKey(
            $"{MobileAppId}\n{parameters["timestamp"]}\n{parameters["noncestr"]}\nwx26112221580621e9b071c00d9e093b0000\n", parameters["sign"]));
    }

    [Theory]
    [InlineData(null, "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2916263004719461949c84457c735b0000&package=2150917749")]
    [InlineData(
        "https://shop.example.com/orders/42?paid=1",
        "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2916263004719461949c84457c735b0000&package=2150917749&redirect_url=https%3A%2F%2Fshop.example.com%2Forders%2F42%3Fpaid%3D1")]
    public async Task H5_SendsTheScene_AndRedirectsToH5Url(string? returnUrl, string expected)
    {
        _account.Handler.Respond = _ => new FakeAnswer(
            200, """{"h5_url":"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2916263004719461949c84457c735b0000&package=2150917749"}""");

        var result = await _account.Client.PrepayAsync(
            Request("wechat_pay.h5") with { ClientIp = "203.0.113.7", ReturnUrl = returnUrl is null ? null : new Uri(returnUrl) }, CancellationToken.None);

        Assert.Equal(expected, Assert.IsType<RedirectToUrl>(result.NextAction).Url.AbsoluteUri);
        var sent = Assert.Single(_account.Handler.Requests);
        Assert.Equal("/v3/pay/transactions/h5", sent.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(sent.Body);
        var scene = json.RootElement.GetProperty("scene_info");
        Assert.Equal("203.0.113.7", scene.GetProperty("payer_client_ip").GetString());
        Assert.Equal("Wap", scene.GetProperty("h5_info").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-an-ip")]
    public async Task H5_WithoutAUsableClientIp_IsRefused(string? clientIp)
    {
        var error = await Assert.ThrowsAsync<ChannelException>(() =>
            _account.Client.PrepayAsync(Request("wechat_pay.h5") with { ClientIp = clientIp }, CancellationToken.None));

        Assert.Equal("PAYER_DETAILS_MISSING", error.Code);
    }

    [Fact]
    public async Task Jsapi_AnswerWithoutPrepayId_IsMalformed()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, "{}");

        var error = await Assert.ThrowsAsync<ChannelException>(() =>
            _account.Client.PrepayAsync(Request("wechat_pay.jsapi") with { PayerId = "o1" }, CancellationToken.None));

        Assert.Equal("RESPONSE_MALFORMED", error.Code);
    }

    [Fact]
    public void Module_DeclaresEveryScenarioAndTheRefundOperations()
    {
        var capabilities = new WeChatPayModule().Capabilities;

        Assert.Equal(
            ["wechat_pay.native", "wechat_pay.jsapi", "wechat_pay.mini_program", "wechat_pay.h5", "wechat_pay.app", "wechat_pay.payment_code"],
            capabilities.Methods.Select(m => m.Method));
        Assert.True(capabilities.Supports(ChannelOperations.Refund | ChannelOperations.PartialRefund | ChannelOperations.RefundQuery | ChannelOperations.RefundNotification));
        Assert.Equal(PayerDetails.PayerId, capabilities.Methods.Single(m => m.Method == "wechat_pay.jsapi").Requires);
        Assert.Equal(PayerDetails.ClientIp, capabilities.Methods.Single(m => m.Method == "wechat_pay.h5").Requires);
    }

    private bool VerifiedByMerchantKey(string message, string signature) =>
        _account.MerchantKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private static PrepayRequest Request(string method) => new(
        OutTradeNo, method, new Money(1999, Currency.Cny), "Image形象店-深圳腾大-QQ公仔", TestAccount.Now.AddMinutes(30), new Uri("https://pay.example.com/notify/wechat_pay"), null);
}
