using System.Text.Json;

namespace ChannelSandbox.Tests.WeChatPay;

public sealed class ScenarioTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    private const string MiniProgramAppId = "wx6666666666666666";
    private const string MobileAppId = "wx7777777777777777";

    [Theory]
    [InlineData(SandboxHost.AppId)]
    [InlineData(MiniProgramAppId)]
    public async Task Jsapi_answers_a_prepay_id_and_the_paid_transaction_names_the_payer(string appId)
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        var order = SignedApi.With(SignedApi.Order(outTradeNo, appId), "payer", new { openid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" });

        var (status, body) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/jsapi", order);
        using var pay = await Prepay.PayAsync(host, outTradeNo, new { notify = false });
        var transaction = await Prepay.QueryAsync(host, outTradeNo);

        Assert.Equal(200, status);
        Assert.StartsWith("wx", body.GetProperty("prepay_id").GetString(), StringComparison.Ordinal);
        Assert.Equal("JSAPI", transaction.GetProperty("trade_type").GetString());
        Assert.Equal("SUCCESS", transaction.GetProperty("trade_state").GetString());
        Assert.Equal(appId, transaction.GetProperty("appid").GetString());
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", transaction.GetProperty("payer").GetProperty("openid").GetString());
    }

    [Fact]
    public async Task Jsapi_without_openid_is_PARAM_ERROR()
    {
        var (status, body) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/jsapi", SignedApi.Order(Prepay.NewOutTradeNo()));

        Assert.Equal(400, status);
        Assert.Equal("PARAM_ERROR", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task App_needs_the_mobile_app_id()
    {
        var (official, officialBody) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/app", SignedApi.Order(Prepay.NewOutTradeNo()));
        var (mobile, mobileBody) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/app", SignedApi.Order(Prepay.NewOutTradeNo(), MobileAppId));

        Assert.Equal(400, official);
        Assert.Equal("APPID_MCHID_NOT_MATCH", officialBody.GetProperty("code").GetString());
        Assert.Equal(200, mobile);
        Assert.False(string.IsNullOrEmpty(mobileBody.GetProperty("prepay_id").GetString()));
    }

    [Fact]
    public async Task H5_answers_an_h5_url_and_pays_with_a_notification()
    {
        await using var listener = await NotifyListener.StartAsync();
        var outTradeNo = Prepay.NewOutTradeNo();
        var order = SignedApi.With(
            SignedApi.Order(outTradeNo, notifyUrl: listener.Url), "scene_info", new { payer_client_ip = "203.0.113.7", h5_info = new { type = "Wap" } });

        var (status, body) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/h5", order);
        using var pay = await Prepay.PayAsync(host, outTradeNo);
        var received = Assert.Single(await listener.WaitForAsync(1, TimeSpan.FromSeconds(30)));

        Assert.Equal(200, status);
        Assert.StartsWith("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx", body.GetProperty("h5_url").GetString(), StringComparison.Ordinal);
        Assert.Equal("TRANSACTION.SUCCESS", JsonDocument.Parse(received.Body).RootElement.GetProperty("event_type").GetString());
    }

    [Fact]
    public async Task H5_without_the_payer_ip_is_PARAM_ERROR()
    {
        var order = SignedApi.With(SignedApi.Order(Prepay.NewOutTradeNo()), "scene_info", new { h5_info = new { type = "Wap" } });

        var (status, body) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/h5", order);

        Assert.Equal(400, status);
        Assert.Equal("PARAM_ERROR", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Payment_code_waits_for_the_payer_then_the_pay_command_makes_it_SUCCESS_without_a_notification()
    {
        var outTradeNo = Prepay.NewOutTradeNo();

        var (status, answer) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/codepay", SignedApi.CodePay(outTradeNo));
        using var pay = await Prepay.PayAsync(host, outTradeNo);
        var transaction = await Prepay.QueryAsync(host, outTradeNo);
        var (_, view) = await SignedApi.ControlAsync(host, $"/sandbox/wechat_pay/orders/{outTradeNo}/notifications/resend");

        Assert.Equal(200, status);
        Assert.Equal("USERPAYING", answer.GetProperty("trade_state").GetString());
        Assert.Equal("MICROPAY", transaction.GetProperty("trade_type").GetString());
        Assert.Equal("SUCCESS", transaction.GetProperty("trade_state").GetString());
        Assert.Equal("NOT_PAID", view.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("system_error", 500, "SYSTEM_ERROR", "USERPAYING")]
    [InlineData("bank_error", 500, "BANK_ERROR", "USERPAYING")]
    [InlineData("insufficient_balance", 403, "NOT_ENOUGH", "PAYERROR")]
    public async Task Payment_code_faults_answer_an_error_and_the_query_tells_the_state(string kind, int expectedStatus, string code, string tradeState)
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        var (faultStatus, _) = await SignedApi.ControlAsync(host, "/sandbox/wechat_pay/faults", new { kind });

        var (status, body) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/codepay", SignedApi.CodePay(outTradeNo));

        Assert.Equal(202, faultStatus);
        Assert.Equal(expectedStatus, status);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(tradeState, (await Prepay.QueryAsync(host, outTradeNo)).GetProperty("trade_state").GetString());
    }

    [Fact]
    public async Task Payment_code_with_a_malformed_code_is_refused()
    {
        var (status, _) = await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/codepay", SignedApi.CodePay(Prepay.NewOutTradeNo(), "280061098828009406"));

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Reverse_waits_while_the_payer_confirms_and_then_revokes_a_paid_order()
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        await SignedApi.SendAsync(host, HttpMethod.Post, "/v3/pay/transactions/codepay", SignedApi.CodePay(outTradeNo));
        var reverseBody = new { appid = SandboxHost.AppId, mchid = SandboxHost.MchId };
        var path = $"/v3/pay/transactions/out-trade-no/{outTradeNo}/reverse";

        var (paying, payingBody) = await SignedApi.SendAsync(host, HttpMethod.Post, path, reverseBody);
        using var pay = await Prepay.PayAsync(host, outTradeNo);
        var (reversed, reversedBody) = await SignedApi.SendAsync(host, HttpMethod.Post, path, reverseBody);

        Assert.Equal(400, paying);
        Assert.Equal("USERPAYING", payingBody.GetProperty("code").GetString());
        Assert.Equal(200, reversed);
        Assert.Equal(outTradeNo, reversedBody.GetProperty("out_trade_no").GetString());
        Assert.Equal("REVOKED", (await Prepay.QueryAsync(host, outTradeNo)).GetProperty("trade_state").GetString());
    }

    [Fact]
    public async Task Reverse_of_a_native_order_is_refused()
    {
        var outTradeNo = await Prepay.PlaceAsync(host);

        var (status, _) = await SignedApi.SendAsync(
            host, HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{outTradeNo}/reverse", new { appid = SandboxHost.AppId, mchid = SandboxHost.MchId });

        Assert.Equal(400, status);
        Assert.Equal("NOTPAY", (await Prepay.QueryAsync(host, outTradeNo)).GetProperty("trade_state").GetString());
    }
}
