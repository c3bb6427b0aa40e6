using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChannelSandbox.Tests.AlipayPlus;

/// <summary>The simulated Antom API over HTTP, driven by a merchant that signs by hand.</summary>
public sealed class AlipayPlusSimulatorTests(SandboxHost host) : IClassFixture<SandboxHost>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly AlipayPlusMerchant _merchant = new(host);
    private AlipayPlusNotifyListener _listener = null!;
    private int _failuresLeft;

    public async Task InitializeAsync() =>
        _listener = await AlipayPlusNotifyListener.StartAsync((_, _) => Interlocked.Decrement(ref _failuresLeft) >= 0
            ? (500, """{"result":{"resultStatus":"F","resultCode":"PROCESS_FAIL"}}""")
            : (200, """{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}"""));

    public async Task DisposeAsync()
    {
        await _listener.DisposeAsync();
        _merchant.Dispose();
    }

    private static string NewRequestId() => "pay_" + Guid.NewGuid().ToString("N")[..24];

    [Fact]
    public async Task Pay_PlacesACashierPaymentWithASignedAnswerAndAWalletPage()
    {
        var requestId = NewRequestId();

        var (answer, signed) = await _merchant.PostAsync("pay", AlipayPlusMerchant.PayBody(requestId, _listener.Url));

        Assert.True(signed);
        Assert.Equal("U", (string?)answer["result"]!["resultStatus"]);
        Assert.Equal("PAYMENT_IN_PROCESS", (string?)answer["result"]!["resultCode"]);
        Assert.Equal(requestId, (string?)answer["paymentRequestId"]);
        using var page = await host.Client.GetAsync((string)answer["normalUrl"]!);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"pay\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same request again is the same payment; other terms under the same id are refused.
        var (again, _) = await _merchant.PostAsync("pay", AlipayPlusMerchant.PayBody(requestId, _listener.Url));
        var (other, _) = await _merchant.PostAsync("pay", AlipayPlusMerchant.PayBody(requestId, _listener.Url, value: 1));
        Assert.Equal((string?)answer["paymentId"], (string?)again["paymentId"]);
        Assert.Equal("REPEAT_REQ_INCONSISTENT", (string?)other["result"]!["resultCode"]);
    }

    [Fact]
    public async Task Pay_KakaoPay_AnswersACodeValue()
    {
        var (answer, _) = await _merchant.PostAsync("pay", AlipayPlusMerchant.PayBody(NewRequestId(), _listener.Url, wallet: "KAKAOPAY", currency: "KRW"));

        Assert.StartsWith(host.BaseAddress.AbsoluteUri, (string?)answer["orderCodeForm"]!["codeDetails"]![0]!["codeValue"], StringComparison.Ordinal);
        Assert.Null(answer["normalUrl"]);
    }

    [Fact]
    public async Task Requests_NotSignedByTheMerchantOrNotFresh_AreRefusedWithASignedAnswer()
    {
        using var stranger = RSA.Create(2048);
        var body = AlipayPlusMerchant.PayBody(NewRequestId(), _listener.Url);

        var (forged, forgedSigned) = await _merchant.PostAsync("pay", body, signWith: stranger);
        var (stale, _) = await _merchant.PostAsync("pay", body, requestTime: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.True(forgedSigned);
        Assert.Equal("INVALID_SIGNATURE", (string?)forged["result"]!["resultCode"]);
        Assert.Equal("INVALID_REQUEST_TIME", (string?)stale["result"]!["resultCode"]);
        Assert.Equal("F", (string?)stale["result"]!["resultStatus"]);
    }

    [Fact]
    public async Task APaidPayment_IsNotifiedSignedUntilAcknowledgedAndRefundsStopAtItsAmount()
    {
        _failuresLeft = 2;
        var requestId = NewRequestId();
        var (placed, _) = await _merchant.PostAsync("pay", AlipayPlusMerchant.PayBody(requestId, _listener.Url));

        using var paid = await host.Client.PostAsync($"sandbox/alipay_plus/orders/{requestId}/pay", null);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

        // Refused twice, then acknowledged: three deliveries of one body, each signed afresh by Alipay+ over the notify path.
        var received = await _listener.WaitForAsync(3, Patience);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.All(received, r => Assert.True(Verify(r.Headers, r.Body)));
        var notification = JsonNode.Parse(received[0].Body)!;
        Assert.Equal("PAYMENT_RESULT", (string?)notification["notifyType"]);
        Assert.Equal("S", (string?)notification["result"]!["resultStatus"]);
        Assert.Equal("10000", (string?)notification["paymentAmount"]!["value"]);

        var (inquiry, _) = await _merchant.PostAsync("inquiryPayment", $$"""{"paymentRequestId":"{{requestId}}"}""");
        Assert.Equal("SUCCESS", (string?)inquiry["paymentStatus"]);

        var paymentId = (string)placed["paymentId"]!;
        var (part, _) = await _merchant.PostAsync("refund", Refund("re_a" + requestId[4..], paymentId, 6000));
        var (tooMuch, _) = await _merchant.PostAsync("refund", Refund("re_b" + requestId[4..], paymentId, 4001));
        var (repeat, _) = await _merchant.PostAsync("refund", Refund("re_a" + requestId[4..], paymentId, 6000));
        Assert.Equal("S", (string?)part["result"]!["resultStatus"]);
        Assert.Equal("REFUND_AMOUNT_EXCEED", (string?)tooMuch["result"]!["resultCode"]);
        Assert.Equal((string?)part["refundId"], (string?)repeat["refundId"]);

        // A paid payment cannot be paid again.
        using var twice = await host.Client.PostAsync($"sandbox/alipay_plus/orders/{requestId}/pay", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task Cancel_EndsAnUnpaidPaymentForGood()
    {
        var requestId = NewRequestId();
        await _merchant.PostAsync("pay", AlipayPlusMerchant.PayBody(requestId, _listener.Url));

        var (cancelled, _) = await _merchant.PostAsync("cancel", $$"""{"paymentRequestId":"{{requestId}}"}""");
        using var pay = await host.Client.PostAsync($"sandbox/alipay_plus/orders/{requestId}/pay", null);
        var (inquiry, _) = await _merchant.PostAsync("inquiryPayment", $$"""{"paymentRequestId":"{{requestId}}"}""");

        Assert.Equal("S", (string?)cancelled["result"]!["resultStatus"]);
        Assert.Equal(HttpStatusCode.Conflict, pay.StatusCode);
        Assert.Equal("CANCELLED", (string?)inquiry["paymentStatus"]);
    }

    [Fact]
    public async Task Faults_UnknownAndABadSignatureArePlayedOnce()
    {
        using var fault = await host.Client.PostAsync("sandbox/alipay_plus/faults", new StringContent("""{"fault":"unknown","api":"inquiryPayment"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, fault.StatusCode);
        var body = $$"""{"paymentRequestId":"{{NewRequestId()}}"}""";

        var (unknown, _) = await _merchant.PostAsync("inquiryPayment", body);
        var (after, _) = await _merchant.PostAsync("inquiryPayment", body);
        using var badSignature = await host.Client.PostAsync("sandbox/alipay_plus/faults", new StringContent("""{"fault":"bad_signature"}""", Encoding.UTF8, "application/json"));
        var (_, signed) = await _merchant.PostAsync("inquiryPayment", body);

        Assert.Equal("U", (string?)unknown["result"]!["resultStatus"]);
        Assert.Equal("ORDER_NOT_EXIST", (string?)after["result"]!["resultCode"]);
        Assert.False(signed);
    }

    private static string Refund(string refundRequestId, string paymentId, long value) =>
        $$$"""{"refundRequestId":"{{{refundRequestId}}}","paymentId":"{{{paymentId}}}","refundAmount":{"currency":"PHP","value":"{{{value}}}"}}""";

    private bool Verify(IReadOnlyDictionary<string, string> headers, string body) =>
        headers["client-id"] == AlipayPlusMerchant.ClientId && _merchant.AlipayPlusKey.VerifyData(
            Encoding.UTF8.GetBytes($"POST /api/notify/alipay_plus\n{headers["client-id"]}.{headers["request-time"]}.{body}"),
            Convert.FromBase64String(Uri.UnescapeDataString(headers["signature"].Split("signature=")[1])),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
}
