using System.Text.Json.Nodes;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.PayPal;

public sealed class OrderTests
{
    private const string OrderId = "5O190127TN364715T";
    private static readonly Money Usd100 = new(10000, Currency.Parse("USD"));

    [Fact]
    public async Task Prepay_CreatesACaptureOrderKeyedByThePaymentIdAndReturnsThePayerActionLink()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("POST", "/v2/checkout/orders", 200, $$$"""
            {"id":"{{{OrderId}}}","status":"PAYER_ACTION_REQUIRED","payment_source":{"paypal":{}},
             "links":[{"href":"https://api-m.paypal.com/v2/checkout/orders/{{{OrderId}}}","rel":"self","method":"GET"},
                      {"href":"https://www.paypal.com/checkoutnow?token={{{OrderId}}}","rel":"payer-action","method":"GET"}]}
            """);
        var request = new PrepayRequest("pay_0abc", "paypal.checkout", Usd100, new string('x', 200), account.Time.Now.AddHours(2), new Uri("https://api.example/api/notify/paypal"), "attach")
        {
            ReturnUrl = new Uri("https://shop.example/return?o=1"),
        };

        var result = await account.Adapter.PrepayAsync(request, CancellationToken.None);

        Assert.Equal(PrepayStatus.Placed, result.Status);
        Assert.Equal(OrderId, result.ChannelOrderId);
        Assert.Equal("https://www.paypal.com/checkoutnow?token=" + OrderId, Assert.IsType<RedirectToUrl>(result.NextAction).Url.AbsoluteUri);
        var sent = account.Handler.Requests.Single(r => r.Uri.AbsolutePath == "/v2/checkout/orders");
        Assert.Equal("pay_0abc", sent.Headers["PayPal-Request-Id"]);
        var body = JsonNode.Parse(sent.Body)!;
        Assert.Equal("CAPTURE", (string?)body["intent"]);
        var unit = body["purchase_units"]![0]!;
        Assert.Equal("pay_0abc", (string?)unit["invoice_id"]);
        Assert.Equal("pay_0abc", (string?)unit["custom_id"]);
        Assert.Equal("USD", (string?)unit["amount"]!["currency_code"]);
        Assert.Equal("100.00", (string?)unit["amount"]!["value"]);
        Assert.Equal(127, ((string?)unit["description"])!.Length);
        var experience = body["payment_source"]!["paypal"]!["experience_context"]!;
        Assert.Equal("https://shop.example/return?o=1", (string?)experience["return_url"]);
        Assert.Equal("PAY_NOW", (string?)experience["user_action"]);
    }

    [Fact]
    public async Task Prepay_RepeatedAfterTheOrderWasApproved_IsAlreadyAtTheChannelWithTheSameOrder()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("POST", "/v2/checkout/orders", 200, $$"""{"id":"{{OrderId}}","status":"APPROVED","links":[]}""");
        var request = new PrepayRequest("pay_0abc", "paypal.checkout", Usd100, "Latte", account.Time.Now.AddHours(2), new Uri("https://api.example/n"), null)
        {
            ReturnUrl = new Uri("https://shop.example/return"),
        };

        var result = await account.Adapter.PrepayAsync(request, CancellationToken.None);

        Assert.Equal(PrepayStatus.AlreadyAtChannel, result.Status);
        Assert.Equal(OrderId, result.ChannelOrderId);
    }

    [Theory]
    [InlineData("PAYER_ACTION_REQUIRED", null, ChannelTradeState.NotPaid)]
    [InlineData("CREATED", null, ChannelTradeState.NotPaid)]
    [InlineData("APPROVED", null, ChannelTradeState.Authorized)]
    [InlineData("VOIDED", null, ChannelTradeState.Closed)]
    [InlineData("COMPLETED", "COMPLETED", ChannelTradeState.Succeeded)]
    [InlineData("COMPLETED", "PENDING", ChannelTradeState.Paying)]
    [InlineData("COMPLETED", "PARTIALLY_REFUNDED", ChannelTradeState.Refunded)]
    [InlineData("COMPLETED", "REFUNDED", ChannelTradeState.Refunded)]
    [InlineData("COMPLETED", "DECLINED", ChannelTradeState.Failed)]
    public async Task Query_MapsTheOrderAndItsCapture(string status, string? captureStatus, ChannelTradeState expected)
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order(status, captureStatus));

        var order = await account.Adapter.QueryAsync(new ChannelOrderRef("pay_1", OrderId), CancellationToken.None);

        Assert.Equal(expected, order.State);
        Assert.Equal(Usd100, order.Amount);
        Assert.Equal(captureStatus is null ? null : "3C679366HH908993F", order.ChannelTradeNo);
        Assert.Equal(expected is ChannelTradeState.Succeeded or ChannelTradeState.Refunded, order.PaidAt is not null);
    }

    [Fact]
    public async Task Query_ReportsThePayerOfAnApprovedOrder()
    {
        using var account = new PayPalTestAccount();
        var answer = Order("COMPLETED", "COMPLETED").Replace(
            "\"intent\":\"CAPTURE\",",
            "\"intent\":\"CAPTURE\",\"payer\":{\"name\":{\"given_name\":\"John\",\"surname\":\"Doe\"},\"email_address\":\"buyer@example.com\",\"payer_id\":\"QYR5Z8XDVJNXQ\",\"address\":{\"country_code\":\"US\"}},",
            StringComparison.Ordinal);
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, answer);

        var order = await account.Adapter.QueryAsync(new ChannelOrderRef("pay_1", OrderId), CancellationToken.None);

        Assert.Equal(new ChannelPayer("QYR5Z8XDVJNXQ", null, "US", null) { Name = "John Doe" }, order.Payer);
    }

    [Theory]
    [InlineData("{\"given_name\":\" John \"}", "John")]
    [InlineData("{\"surname\":\"Doe\"}", "Doe")]
    [InlineData("{\"given_name\":\"John\",\"surname\":42}", "John")]
    [InlineData("{\"given_name\":\"Jo\\u202Ehn\",\"surname\":\"Doe\"}", null)]
    [InlineData("{\"given_name\":\"\",\"surname\":\"\"}", null)]
    [InlineData("\"John Doe\"", null)]
    public async Task Query_ReadsThePayersNameFromItsParts_DroppingAMalformedOne(string name, string? expected)
    {
        using var account = new PayPalTestAccount();
        var answer = Order("COMPLETED", "COMPLETED").Replace(
            "\"intent\":\"CAPTURE\",", "\"intent\":\"CAPTURE\",\"payer\":{\"name\":" + name + ",\"payer_id\":\"QYR5Z8XDVJNXQ\"},", StringComparison.Ordinal);
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, answer);

        var order = await account.Adapter.QueryAsync(new ChannelOrderRef("pay_1", OrderId), CancellationToken.None);

        Assert.Equal(new ChannelPayer("QYR5Z8XDVJNXQ", null, null, null) { Name = expected }, order.Payer);
    }

    [Theory]
    [InlineData("\"QYR5Z8XDVJNXQ\"")]
    [InlineData("{\"payer_id\":42,\"address\":{\"country_code\":[\"US\"]}}")]
    [InlineData("{\"payer_id\":\"\\ud800\",\"address\":\"US\"}")]
    public async Task Query_OfAnOrderWithAMalformedPayer_ReadsTheOrderWithoutThePayer(string payer)
    {
        using var account = new PayPalTestAccount();
        var answer = Order("COMPLETED", "COMPLETED").Replace("\"intent\":\"CAPTURE\",", "\"intent\":\"CAPTURE\",\"payer\":" + payer + ",", StringComparison.Ordinal);
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, answer);

        var order = await account.Adapter.QueryAsync(new ChannelOrderRef("pay_1", OrderId), CancellationToken.None);

        Assert.Equal(ChannelTradeState.Succeeded, order.State);
        Assert.Null(order.Payer);
    }

    [Fact]
    public async Task Query_OfAnOrderThatIsAnotherPayments_IsRefused()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order("APPROVED", null));

        var refused = await Assert.ThrowsAsync<ChannelException>(() => account.Adapter.QueryAsync(new ChannelOrderRef("pay_2", OrderId), CancellationToken.None));
        Assert.Equal("RESPONSE_MALFORMED", refused.Code);
    }

    [Fact]
    public async Task Query_WithoutAnOrderId_IsNotPaidWithoutAskingPayPal()
    {
        using var account = new PayPalTestAccount();
        var order = await account.Adapter.QueryAsync(new ChannelOrderRef("pay_1"), CancellationToken.None);
        Assert.Equal(ChannelTradeState.NotPaid, order.State);
        Assert.Empty(account.Handler.Requests);
    }

    [Fact]
    public async Task Capture_OfTheWholeAmount_CapturesWithAnIdempotencyKeyAndReturnsTheCapture()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order("APPROVED", null));
        account.Handler.Script("POST", $"/v2/checkout/orders/{OrderId}/capture", 201, Order("COMPLETED", "COMPLETED"));

        var captured = await account.Adapter.CaptureAsync(new ChannelOrderRef("pay_1", OrderId), Usd100, CancellationToken.None);

        Assert.Equal(ChannelTradeState.Succeeded, captured.State);
        Assert.Equal("3C679366HH908993F", captured.ChannelTradeNo);
        var capture = account.Handler.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/capture", StringComparison.Ordinal));
        Assert.Equal("pay_1-capture", capture.Headers["PayPal-Request-Id"]);
        Assert.DoesNotContain(account.Handler.Requests, r => r.Method == HttpMethod.Patch);
    }

    [Fact]
    public async Task Capture_OfLess_FirstReplacesTheOrderAmount()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order("APPROVED", null));
        account.Handler.Script("PATCH", "/v2/checkout/orders/" + OrderId, 204, string.Empty);
        account.Handler.Script("POST", $"/v2/checkout/orders/{OrderId}/capture", 201, Order("COMPLETED", "COMPLETED", "60.00"));

        var captured = await account.Adapter.CaptureAsync(new ChannelOrderRef("pay_1", OrderId), Usd100 with { MinorUnits = 6000 }, CancellationToken.None);

        Assert.Equal(6000, captured.Amount!.Value.MinorUnits);
        var patch = JsonNode.Parse(account.Handler.Requests.Single(r => r.Method == HttpMethod.Patch).Body)!.AsArray();
        Assert.Equal("replace", (string?)patch[0]!["op"]);
        Assert.Equal("/purchase_units/@reference_id=='default'/amount", (string?)patch[0]!["path"]);
        Assert.Equal("60.00", (string?)patch[0]!["value"]!["value"]);
    }

    [Theory]
    [InlineData(10001, "USD")]
    [InlineData(10000, "EUR")]
    public async Task Capture_OfMoreOrAnotherCurrency_IsRefusedWithoutCapturing(long minor, string currency)
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order("APPROVED", null));

        var refused = await Assert.ThrowsAsync<ChannelException>(() =>
            account.Adapter.CaptureAsync(new ChannelOrderRef("pay_1", OrderId), new Money(minor, Currency.Parse(currency)), CancellationToken.None));

        Assert.Equal("CAPTURE_AMOUNT_INVALID", refused.Code);
        Assert.DoesNotContain(account.Handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/capture", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Capture_AlreadyDone_ReturnsTheCapturedOrderWithoutCapturingAgain()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order("COMPLETED", "COMPLETED"));

        var captured = await account.Adapter.CaptureAsync(new ChannelOrderRef("pay_1", OrderId), Usd100, CancellationToken.None);

        Assert.Equal(ChannelTradeState.Succeeded, captured.State);
        Assert.DoesNotContain(account.Handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/capture", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Capture_RacedByAnotherCapture_ReadsTheOrder()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order("APPROVED", null));
        account.Handler.Script("POST", $"/v2/checkout/orders/{OrderId}/capture", 422, """{"name":"UNPROCESSABLE_ENTITY","details":[{"issue":"ORDER_ALREADY_CAPTURED"}]}""");
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order("COMPLETED", "COMPLETED"));

        var captured = await account.Adapter.CaptureAsync(new ChannelOrderRef("pay_1", OrderId), Usd100, CancellationToken.None);
        Assert.Equal(ChannelTradeState.Succeeded, captured.State);
    }

    [Fact]
    public async Task Capture_Declined_IsARefusalWithPayPalsIssue()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order("APPROVED", null));
        account.Handler.Script("POST", $"/v2/checkout/orders/{OrderId}/capture", 422, """{"name":"UNPROCESSABLE_ENTITY","details":[{"issue":"INSTRUMENT_DECLINED"}]}""");

        var refused = await Assert.ThrowsAsync<ChannelException>(() => account.Adapter.CaptureAsync(new ChannelOrderRef("pay_1", OrderId), Usd100, CancellationToken.None));
        Assert.Equal("INSTRUMENT_DECLINED", refused.Code);
        Assert.False(refused.IsTransient);
    }

    [Fact]
    public async Task Refund_IsMadeAgainstTheCaptureKeyedByTheRefundNumber()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("POST", "/v2/payments/captures/3C679366HH908993F/refund", 201,
            """{"id":"1JU08902781691411","status":"COMPLETED","amount":{"currency_code":"USD","value":"33.33"},"invoice_id":"re_1","custom_id":"pay_1","create_time":"2026-03-02T08:00:00Z","update_time":"2026-03-02T08:00:01Z"}""");
        var request = new ChannelRefundRequest("pay_1", "re_1", Usd100 with { MinorUnits = 3333 }, Usd100, "Returned", new Uri("https://api.example/n"))
        {
            ChannelOrderId = OrderId,
            ChannelTradeNo = "3C679366HH908993F",
        };

        var refund = await account.Adapter.RefundAsync(request, CancellationToken.None);

        Assert.Equal(ChannelRefundState.Succeeded, refund.State);
        Assert.Equal(3333, refund.Amount!.Value.MinorUnits);
        Assert.NotNull(refund.CompletedAt);
        var sent = account.Handler.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/refund", StringComparison.Ordinal));
        Assert.Equal("re_1", sent.Headers["PayPal-Request-Id"]);
        var body = JsonNode.Parse(sent.Body)!;
        Assert.Equal("33.33", (string?)body["amount"]!["value"]);
        Assert.Equal("re_1", (string?)body["invoice_id"]);
        Assert.Equal("pay_1", (string?)body["custom_id"]);
    }

    [Fact]
    public async Task RefundQuery_FindsTheRefundInTheOrderByItsInvoiceId()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/" + OrderId, 200, Order("COMPLETED", "PARTIALLY_REFUNDED",
            refunds: """[{"id":"1JU0","status":"PENDING","amount":{"currency_code":"USD","value":"10.00"},"invoice_id":"re_2"}]"""));

        var refund = await account.Adapter.QueryRefundAsync(new ChannelOrderRef("pay_1", OrderId), "re_2", CancellationToken.None);

        Assert.Equal(ChannelRefundState.Processing, refund.State);
        Assert.Equal("1JU0", refund.ChannelRefundNo);
        Assert.Null(refund.CompletedAt);
    }

    internal static string Order(string status, string? captureStatus, string value = "100.00", string refunds = "null") =>
        $$"""
        {"id":"{{OrderId}}","intent":"CAPTURE","status":"{{status}}",
         "purchase_units":[{"reference_id":"default","invoice_id":"pay_1","custom_id":"pay_1","amount":{"currency_code":"USD","value":"{{value}}"},
           "payments":{{(captureStatus is null ? "null" : $$"""{"captures":[{"id":"3C679366HH908993F","status":"{{captureStatus}}","amount":{"currency_code":"USD","value":"{{value}}"},"invoice_id":"pay_1","create_time":"2026-03-02T08:00:00Z","update_time":"2026-03-02T08:00:01Z"}],"refunds":{{refunds}}}""")}}}],
         "links":[]}
        """;
}
