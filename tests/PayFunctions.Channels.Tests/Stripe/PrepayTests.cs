using System.Net;
using PayFunctions.Channels.Stripe;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.Stripe;

/// <summary>What the adapter sends Stripe for an order, read off the wire.</summary>
public sealed class PrepayTests
{
    private const string Session = """{"id":"cs_test_a1","object":"checkout.session","status":"open","url":"https://checkout.stripe.com/c/pay/cs_test_a1","amount_total":2599,"currency":"usd"}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public async Task A_session_carries_the_order_as_idempotency_key_reference_and_metadata_and_the_amount_in_the_smallest_unit()
    {
        var handler = new RecordingStripeHandler((HttpStatusCode.OK, Session));
        var adapter = StripeAccounts.Adapter(new FixedTime(Now), handler);

        var placed = await adapter.PrepayAsync(Request(Now.AddHours(2)), default);

        Assert.Equal(PrepayStatus.Placed, placed.Status);
        Assert.Equal("cs_test_a1", placed.ChannelOrderId);
        Assert.Equal(new Uri("https://checkout.stripe.com/c/pay/cs_test_a1"), Assert.IsType<RedirectToUrl>(placed.NextAction).Url);
        var (method, path, headers, _) = handler.Requests.Single();
        Assert.Equal((HttpMethod.Post, "/v1/checkout/sessions"), (method, path));
        Assert.Equal("Bearer " + StripeAccounts.SecretKey, headers["Authorization"]);
        Assert.Equal("pay_0order", headers["Idempotency-Key"]);
        Assert.StartsWith("2026-10-28", headers["Stripe-Version"], StringComparison.Ordinal);
        var form = handler.Form(0);
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("card", form["allowed_payment_method_types[0]"]);
        Assert.Equal("1", form["line_items[0][quantity]"]);
        Assert.Equal("jpy", form["line_items[0][price_data][currency]"]);
        Assert.Equal("2599", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("Latte & cake", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("pay_0order", form["client_reference_id"]);
        Assert.Equal("pay_0order", form["metadata[out_trade_no]"]);
        Assert.Equal("pay_0order", form["payment_intent_data[metadata][out_trade_no]"]);
        Assert.Equal("automatic", form["payment_intent_data[capture_method]"]);
        Assert.Equal(Now.AddHours(2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), form["expires_at"]);
        Assert.Equal("https://shop.example/return?order=1", form["success_url"]);
        Assert.Equal("https://shop.example/return?order=1", form["cancel_url"]);
        Assert.DoesNotContain(form.Keys, key => key.Contains("card", StringComparison.Ordinal) && key != "allowed_payment_method_types[0]");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(48 * 60)]
    public async Task A_deadline_Stripe_would_refuse_is_left_to_Stripe_and_the_platform(int minutes)
    {
        var handler = new RecordingStripeHandler((HttpStatusCode.OK, Session));
        var adapter = StripeAccounts.Adapter(new FixedTime(Now), handler);

        await adapter.PrepayAsync(Request(Now.AddMinutes(minutes)), default);

        Assert.DoesNotContain("expires_at", handler.Form(0).Keys);
    }

    [Fact]
    public async Task Capture_later_asks_for_manual_capture()
    {
        var handler = new RecordingStripeHandler((HttpStatusCode.OK, Session));
        await StripeAccounts.Adapter(new FixedTime(Now), handler).PrepayAsync(Request(Now.AddHours(1)) with { CaptureLater = true }, default);
        Assert.Equal("manual", handler.Form(0)["payment_intent_data[capture_method]"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "card_declined", false)]
    [InlineData(HttpStatusCode.TooManyRequests, "rate_limit", true)]
    [InlineData(HttpStatusCode.Conflict, "idempotency_key_in_use", true)]
    [InlineData(HttpStatusCode.InternalServerError, null, true)]
    public async Task Stripe_errors_keep_their_code_and_are_transient_only_when_a_retry_can_help(HttpStatusCode status, string? code, bool transient)
    {
        var type = status == HttpStatusCode.InternalServerError ? "api_error" : "invalid_request_error";
        var codeJson = code is null ? "null" : $"\"{code}\"";
        var error = $$$"""{"error":{"type":"{{{type}}}","code":{{{codeJson}}},"message":"no"}}""";
        var adapter = StripeAccounts.Adapter(new FixedTime(Now), new RecordingStripeHandler((status, error)));

        var failure = await Assert.ThrowsAsync<ChannelException>(() => adapter.PrepayAsync(Request(Now.AddHours(1)), default));

        Assert.Equal((code ?? "api_error", (int)status, transient), (failure.Code, failure.HttpStatus, failure.IsTransient));
    }

    [Fact]
    public async Task Without_a_return_url_nothing_is_sent()
    {
        var handler = new RecordingStripeHandler();
        var failure = await Assert.ThrowsAsync<ChannelException>(() =>
            StripeAccounts.Adapter(new FixedTime(Now), handler).PrepayAsync(Request(Now.AddHours(1)) with { ReturnUrl = null }, default));
        Assert.Equal("RETURN_URL_MISSING", failure.Code);
        Assert.Empty(handler.Requests);
    }

    private static PrepayRequest Request(DateTimeOffset expiresAt) =>
        new("pay_0order", StripeCardChannel.CardMethod, new Money(2599, Currency.Parse("JPY")), "Latte & cake", expiresAt, new Uri("https://platform.example/api/notify/stripe"), null)
        {
            ReturnUrl = new Uri("https://shop.example/return?order=1"),
        };
}
