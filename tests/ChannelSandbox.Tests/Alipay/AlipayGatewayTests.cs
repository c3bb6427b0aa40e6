using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace ChannelSandbox.Tests.Alipay;

public sealed class AlipayGatewayTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private AlipayMerchant Merchant => new(host);

    private static string NewOrderNo() => "t" + Guid.NewGuid().ToString("N")[..20];

    private static object Terms(string outTradeNo, string amount = "88.88") => new { out_trade_no = outTradeNo, total_amount = amount, subject = "Flat white" };

    private Task<HttpResponseMessage> PayAsync(string outTradeNo) => host.Client.PostAsync($"/sandbox/alipay/orders/{outTradeNo}/pay", null);

    [Fact]
    public void The_app_s_secrets_are_written_under_the_account_s_names()
    {
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", host.Secret("alipay-main-app-private-key"), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", host.Secret("alipay-main-alipay-public-key"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Precreate_answers_a_signed_envelope_with_alipay_s_escaping()
    {
        var answer = await Merchant.CallAsync("alipay.trade.precreate", Terms(NewOrderNo()));

        Assert.Equal("alipay_trade_precreate_response", answer.Member);
        Assert.Equal("10000", answer.Code);
        Assert.StartsWith("https://qr.alipay.com/", answer.Field("qr_code"), StringComparison.Ordinal);
        Assert.Contains("https:\\/\\/qr.alipay.com\\/", answer.RawResponse, StringComparison.Ordinal);
        Assert.True(Merchant.Verifies(answer));
    }

    [Fact]
    public async Task A_precreated_order_does_not_exist_at_query_until_the_payer_scans_it()
    {
        var outTradeNo = NewOrderNo();
        await Merchant.CallAsync("alipay.trade.precreate", Terms(outTradeNo));

        var before = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = outTradeNo });
        using var scan = await host.Client.PostAsync($"/sandbox/alipay/orders/{outTradeNo}/scan", null);
        var scanned = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = outTradeNo });
        using var pay = await PayAsync(outTradeNo);
        var paid = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = outTradeNo });

        Assert.Equal(("40004", "ACQ.TRADE_NOT_EXIST"), (before.Code, before.SubCode));
        Assert.True(Merchant.Verifies(before));
        Assert.Equal("WAIT_BUYER_PAY", scanned.Field("trade_status"));
        Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        Assert.Equal("TRADE_SUCCESS", paid.Field("trade_status"));
        Assert.Equal("88.88", paid.Field("total_amount"));
        Assert.NotNull(paid.Field("send_pay_date"));
        Assert.True(Merchant.Verifies(paid));
    }

    [Fact]
    public async Task A_request_signed_with_another_key_is_an_invalid_signature_answered_signed()
    {
        using var other = RSA.Create(2048);

        var answer = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = "x1" }, signingKey: other);

        Assert.Equal(("40002", "isv.invalid-signature"), (answer.Code, answer.SubCode));
        Assert.True(Merchant.Verifies(answer));
    }

    [Fact]
    public async Task An_unknown_app_is_refused_without_a_signature()
    {
        var answer = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = "x1" }, appId: "2021009999999999");

        Assert.Equal(("40002", "isv.invalid-app-id"), (answer.Code, answer.SubCode));
        Assert.Null(answer.Sign);
    }

    [Fact]
    public async Task Common_parameters_may_come_in_the_query_string_with_biz_content_in_the_body()
    {
        var parameters = Merchant.Parameters("alipay.trade.precreate", Terms(NewOrderNo()));
        var query = string.Join('&', parameters.Where(p => p.Key != "biz_content").Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        using var body = new FormUrlEncodedContent([new("biz_content", parameters["biz_content"])]);

        using var response = await host.Client.PostAsync("/gateway.do?" + query, body);
        var answer = AlipayMerchant.Answer.Split("alipay.trade.precreate", await response.Content.ReadAsStringAsync());

        Assert.Equal("10000", answer.Code);
    }

    [Fact]
    public async Task Paying_posts_a_signed_form_notification_until_it_is_acknowledged_with_success()
    {
        await using var listener = await AlipayNotifyListener.StartAsync("fail", "FAIL");
        var outTradeNo = NewOrderNo();
        await Merchant.CallAsync("alipay.trade.precreate", Terms(outTradeNo, "0.10"), listener.Url);

        using var pay = await PayAsync(outTradeNo);
        var received = await listener.WaitForAsync(3, Patience);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        Assert.Equal(3, listener.Received.Count);
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.StartsWith("application/x-www-form-urlencoded", received[0].ContentType, StringComparison.Ordinal);
        var form = AlipayMerchant.ParseForm(received[0].Body);
        Assert.True(AlipayMerchant.Verify(Merchant.AlipayKey, AlipayMerchant.SigningString(form, withoutSignType: true), form["sign"]));
        Assert.Equal("trade_status_sync", form["notify_type"]);
        Assert.Equal("TRADE_SUCCESS", form["trade_status"]);
        Assert.Equal(outTradeNo, form["out_trade_no"]);
        Assert.Equal("0.10", form["total_amount"]);
        Assert.Equal(AlipayMerchant.AppId, form["app_id"]);
        var deliveries = await host.Client.GetFromJsonAsync<JsonElement>($"/sandbox/alipay/orders/{outTradeNo}/notifications");
        Assert.Equal([false, false, true], deliveries.EnumerateArray().Select(d => d.GetProperty("acknowledged").GetBoolean()));
    }

    [Fact]
    public async Task Resend_delivers_the_same_notification_again()
    {
        await using var listener = await AlipayNotifyListener.StartAsync();
        var outTradeNo = NewOrderNo();
        await Merchant.CallAsync("alipay.trade.precreate", Terms(outTradeNo), listener.Url);
        using var pay = await PayAsync(outTradeNo);
        await listener.WaitForAsync(1, Patience);

        using var resend = await host.Client.PostAsJsonAsync($"/sandbox/alipay/orders/{outTradeNo}/notifications/resend", new { times = 3, concurrent = true });
        var all = await listener.WaitForAsync(4, Patience);

        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        Assert.Equal(4, all.Count);
        Assert.Single(all.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task Refunds_are_partial_cumulative_idempotent_and_bounded()
    {
        var outTradeNo = NewOrderNo();
        await Merchant.CallAsync("alipay.trade.precreate", Terms(outTradeNo, "10.00"));
        using var pay = await PayAsync(outTradeNo);

        var first = await Merchant.CallAsync("alipay.trade.refund", new { out_trade_no = outTradeNo, refund_amount = "3.00", out_request_no = "r1" });
        var repeat = await Merchant.CallAsync("alipay.trade.refund", new { out_trade_no = outTradeNo, refund_amount = "3.00", out_request_no = "r1" });
        var second = await Merchant.CallAsync("alipay.trade.refund", new { out_trade_no = outTradeNo, refund_amount = "2.00", out_request_no = "r2" });
        var tooMuch = await Merchant.CallAsync("alipay.trade.refund", new { out_trade_no = outTradeNo, refund_amount = "5.01", out_request_no = "r3" });
        var discordant = await Merchant.CallAsync("alipay.trade.refund", new { out_trade_no = outTradeNo, refund_amount = "1.00", out_request_no = "r1" });
        var queried = await Merchant.CallAsync("alipay.trade.fastpay.refund.query", new { out_trade_no = outTradeNo, out_request_no = "r2", query_options = new[] { "gmt_refund_pay" } });
        var unknown = await Merchant.CallAsync("alipay.trade.fastpay.refund.query", new { out_trade_no = outTradeNo, out_request_no = "r9" });

        Assert.Equal(("10000", "Y", "3.00"), (first.Code, first.Field("fund_change"), first.Field("refund_fee")));
        Assert.Equal(("10000", "N", "3.00"), (repeat.Code, repeat.Field("fund_change"), repeat.Field("refund_fee")));
        Assert.Equal(("10000", "Y", "5.00"), (second.Code, second.Field("fund_change"), second.Field("refund_fee")));
        Assert.Equal("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", tooMuch.SubCode);
        Assert.Equal("ACQ.DISCORDANT_REPEAT_REQUEST", discordant.SubCode);
        Assert.Equal(("2.00", "REFUND_SUCCESS"), (queried.Field("refund_amount"), queried.Field("refund_status")));
        Assert.NotNull(queried.Field("gmt_refund_pay"));
        Assert.Equal("10000", unknown.Code);
        Assert.Null(unknown.Field("refund_amount"));
        Assert.All(new[] { first, repeat, second, tooMuch, discordant, queried, unknown }, answer => Assert.True(Merchant.Verifies(answer)));
    }

    [Fact]
    public async Task Close_and_cancel_follow_alipay()
    {
        var unscanned = NewOrderNo();
        await Merchant.CallAsync("alipay.trade.precreate", Terms(unscanned));
        var closeUnscanned = await Merchant.CallAsync("alipay.trade.close", new { out_trade_no = unscanned });
        var cancelUnscanned = await Merchant.CallAsync("alipay.trade.cancel", new { out_trade_no = unscanned });
        using var payCancelled = await PayAsync(unscanned);

        var paid = NewOrderNo();
        await Merchant.CallAsync("alipay.trade.precreate", Terms(paid));
        using var pay = await PayAsync(paid);
        var closePaid = await Merchant.CallAsync("alipay.trade.close", new { out_trade_no = paid });
        var cancelPaid = await Merchant.CallAsync("alipay.trade.cancel", new { out_trade_no = paid });
        var cancelAgain = await Merchant.CallAsync("alipay.trade.cancel", new { out_trade_no = paid });
        var afterCancel = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = paid });

        Assert.Equal("ACQ.TRADE_NOT_EXIST", closeUnscanned.SubCode);
        Assert.Equal(("10000", "close"), (cancelUnscanned.Code, cancelUnscanned.Field("action")));
        Assert.Equal(HttpStatusCode.Conflict, payCancelled.StatusCode);
        Assert.Equal("ACQ.TRADE_STATUS_ERROR", closePaid.SubCode);
        Assert.Equal(("10000", "refund"), (cancelPaid.Code, cancelPaid.Field("action")));
        Assert.Null(cancelAgain.Field("action"));
        Assert.Equal("TRADE_CLOSED", afterCancel.Field("trade_status"));
    }

    [Fact]
    public async Task Faults_play_on_command()
    {
        using var systemError = await host.Client.PostAsJsonAsync("/sandbox/alipay/faults", new { fault = "system_error", method = "alipay.trade.query" });
        var error = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = "x1" });
        using var unsigned = await host.Client.PostAsJsonAsync("/sandbox/alipay/faults", new { fault = "unsigned", method = "alipay.trade.query" });
        var noSign = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = "x1" });
        using var bad = await host.Client.PostAsJsonAsync("/sandbox/alipay/faults", new { fault = "bad_signature", method = "alipay.trade.query" });
        var badSign = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = "x1" });
        var normal = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = "x1" });

        Assert.Equal(("20000", "ACQ.SYSTEM_ERROR"), (error.Code, error.SubCode));
        Assert.True(Merchant.Verifies(error));
        Assert.Null(noSign.Sign);
        Assert.False(Merchant.Verifies(badSign));
        Assert.True(Merchant.Verifies(normal));
    }

    [Fact]
    public async Task Barcode_pays_at_once_waits_for_the_payer_or_fails_on_command()
    {
        var now = NewOrderNo();
        var paid = await Merchant.CallAsync("alipay.trade.pay", new { out_trade_no = now, scene = "bar_code", auth_code = "286648048691290423", total_amount = "1.00", subject = "Tea" });

        var waiting = NewOrderNo();
        using var userPaying = await host.Client.PostAsJsonAsync("/sandbox/alipay/faults", new { fault = "user_paying" });
        var pending = await Merchant.CallAsync("alipay.trade.pay", new { out_trade_no = waiting, scene = "bar_code", auth_code = "286648048691290423", total_amount = "1.00", subject = "Tea" });
        using var confirm = await PayAsync(waiting);
        var confirmed = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = waiting });

        using var balance = await host.Client.PostAsJsonAsync("/sandbox/alipay/faults", new { fault = "balance_not_enough" });
        var poor = await Merchant.CallAsync("alipay.trade.pay", new { out_trade_no = NewOrderNo(), scene = "bar_code", auth_code = "286648048691290423", total_amount = "1.00", subject = "Tea" });
        var badCode = await Merchant.CallAsync("alipay.trade.pay", new { out_trade_no = NewOrderNo(), scene = "bar_code", auth_code = "134567890123456789", total_amount = "1.00", subject = "Tea" });

        Assert.Equal("10000", paid.Code);
        Assert.NotNull(paid.Field("gmt_payment"));
        Assert.Equal("10003", pending.Code);
        Assert.Equal("TRADE_SUCCESS", confirmed.Field("trade_status"));
        Assert.Equal(("40004", "ACQ.BUYER_BALANCE_NOT_ENOUGH"), (poor.Code, poor.SubCode));
        Assert.Equal("ACQ.PAYMENT_AUTH_CODE_INVALID", badCode.SubCode);
    }

    [Fact]
    public async Task Page_pay_opens_a_cashier_that_pays_and_returns_with_signed_parameters()
    {
        var outTradeNo = NewOrderNo();
        var parameters = Merchant.Parameters("alipay.trade.page.pay", new { out_trade_no = outTradeNo, total_amount = "12.34", subject = "Mug", product_code = "FAST_INSTANT_TRADE_PAY" });
        parameters["return_url"] = "https://shop.example.com/return";
        parameters["sign"] = AlipayMerchant.Sign(Merchant.AppKey, AlipayMerchant.SigningString(parameters, withoutSignType: false));
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        var page = await noRedirect.GetStringAsync("/gateway.do?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
        var before = await Merchant.CallAsync("alipay.trade.query", new { out_trade_no = outTradeNo });
        using var paid = await noRedirect.PostAsync($"/sandbox/alipay/cashier/{outTradeNo}/pay", null);

        Assert.Contains("12.34", page, StringComparison.Ordinal);
        Assert.Contains("id=\"pay\"", page, StringComparison.Ordinal);
        Assert.Equal("ACQ.TRADE_NOT_EXIST", before.SubCode);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var location = paid.Headers.Location!;
        Assert.StartsWith("https://shop.example.com/return?", location.AbsoluteUri, StringComparison.Ordinal);
        var returned = AlipayMerchant.ParseForm(location.Query.TrimStart('?'));
        Assert.Equal("alipay.trade.page.pay.return", returned["method"]);
        Assert.Equal("12.34", returned["total_amount"]);
        Assert.True(AlipayMerchant.Verify(Merchant.AlipayKey, AlipayMerchant.SigningString(returned, withoutSignType: true), returned["sign"]));
    }
}
