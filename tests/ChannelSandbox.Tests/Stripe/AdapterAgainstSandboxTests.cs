using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PayFunctions.Channels;
using PayFunctions.Channels.Stripe;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.Stripe;

/// <summary>The platform's adapter, through Stripe.net, against the simulator over HTTP: every call the platform makes.</summary>
public sealed class AdapterAgainstSandboxTests(StripeSandboxHost sandbox) : IClassFixture<StripeSandboxHost>
{
    private static readonly Uri ReturnUrl = new("https://shop.example/orders/return");
    private static readonly DateTimeOffset Deadline = DateTimeOffset.UtcNow.AddHours(2);

    private IPaymentChannel Adapter => sandbox.Adapter;

    [Fact]
    public async Task A_paid_session_is_found_by_query_notified_once_per_event_and_signed()
    {
        var (outTradeNo, placed) = await PrepayAsync(Currency.Parse("USD"), 2599);
        var url = Assert.IsType<RedirectToUrl>(placed.NextAction).Url;
        Assert.StartsWith(sandbox.BaseUrl + "c/pay/cs_test_", url.AbsoluteUri, StringComparison.Ordinal);

        var notPaid = await Adapter.QueryAsync(Ref(outTradeNo, placed), default);
        Assert.Equal((ChannelTradeState.NotPaid, (string?)null), (notPaid.State, notPaid.ChannelTradeNo));

        var paid = await PayAsync(outTradeNo, """{"card":"4242 4242 4242 4242"}""");
        Assert.Equal("succeeded", (string?)paid["payment_intent_status"]);
        var order = await Adapter.QueryAsync(Ref(outTradeNo, placed), default);
        Assert.Equal(ChannelTradeState.Succeeded, order.State);
        Assert.Equal(new Money(2599, Currency.Parse("USD")), order.Amount);
        Assert.Equal((string?)paid["payment_intent"], order.ChannelTradeNo);
        Assert.NotNull(order.PaidAt);
        Assert.Equal(new ChannelPayer(null, "visa/credit", "US", order.Payer?.CardFingerprint), order.Payer);
        Assert.Matches("^[0-9A-Za-z]{16}$", order.Payer?.CardFingerprint);

        var received = await WebhooksOfAsync(sandbox, outTradeNo, 1);
        var notification = Adapter.ParseNotification(received[0].Headers, received[0].Body);
        Assert.Equal(("payment_intent.succeeded", outTradeNo, ChannelTradeState.Succeeded), (notification.EventType, notification.OutTradeNo, notification.State));
        Assert.Equal(order.ChannelTradeNo, notification.ChannelTradeNo);
        Assert.Equal(order.Amount, notification.Amount);
        Assert.StartsWith("evt_", notification.EventId, StringComparison.Ordinal);
    }

    /// <summary>The webhooks the listener received about <paramref name="outTradeNo"/>, once there are <paramref name="count"/>.</summary>
    internal static async Task<IReadOnlyList<Received>> WebhooksOfAsync(StripeSandboxHost host, string outTradeNo, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        List<Received> about;
        do
        {
            about = [.. host.Webhooks.Received.Where(r => System.Text.Encoding.UTF8.GetString(r.Body).Contains(outTradeNo, StringComparison.Ordinal))];
            if (about.Count >= count)
            {
                return about;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"{about.Count} webhooks about {outTradeNo}, expected {count}.");
        return about;
    }

    [Fact]
    public async Task A_repeated_prepay_gets_the_same_session_and_other_parameters_under_the_same_key_are_refused()
    {
        var (outTradeNo, first) = await PrepayAsync(Currency.Cny, 10000);
        var again = await Adapter.PrepayAsync(Request(outTradeNo, Currency.Cny, 10000), default);
        Assert.Equal(first.ChannelOrderId, again.ChannelOrderId);

        var refused = await Assert.ThrowsAsync<ChannelException>(() => Adapter.PrepayAsync(Request(outTradeNo, Currency.Cny, 10001), default));
        Assert.Equal(("idempotency_error", 400, false), (refused.Code, refused.HttpStatus, refused.IsTransient));
    }

    [Fact]
    public async Task A_card_needing_3D_Secure_pays_once_authenticated_and_stays_payable_when_authentication_fails()
    {
        var (outTradeNo, placed) = await PrepayAsync(Currency.Parse("EUR"), 4200);
        var failed = await PayAsync(outTradeNo, """{"card":"4000002760003184","three_d_secure":"fail","notify":false}""");
        Assert.Equal("requires_payment_method", (string?)failed["payment_intent_status"]);
        Assert.Equal(ChannelTradeState.NotPaid, (await Adapter.QueryAsync(Ref(outTradeNo, placed), default)).State);

        var declined = await PayAsync(outTradeNo, """{"card":"4000000000000002","notify":false}""");
        Assert.Equal("Your card was declined.", (string?)declined["error"]);
        Assert.Equal(ChannelTradeState.NotPaid, (await Adapter.QueryAsync(Ref(outTradeNo, placed), default)).State);

        await PayAsync(outTradeNo, """{"card":"4000002760003184","notify":false}""");
        Assert.Equal(ChannelTradeState.Succeeded, (await Adapter.QueryAsync(Ref(outTradeNo, placed), default)).State);
    }

    [Fact]
    public async Task Closing_expires_an_open_session_and_answers_already_paid_for_a_paid_one()
    {
        var (open, placed) = await PrepayAsync(Currency.Parse("GBP"), 700);
        Assert.Equal(CloseOutcome.Closed, await Adapter.CloseAsync(Ref(open, placed), default));
        Assert.Equal(ChannelTradeState.Closed, (await Adapter.QueryAsync(Ref(open, placed), default)).State);
        using (var pay = await sandbox.Client.PostAsync($"sandbox/stripe/orders/{open}/pay", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, pay.StatusCode);
        }

        Assert.Equal(CloseOutcome.Closed, await Adapter.CloseAsync(Ref(open, placed), default));

        var (paid, paidPlaced) = await PrepayAsync(Currency.Parse("GBP"), 700);
        await PayAsync(paid, """{"notify":false}""");
        Assert.Equal(CloseOutcome.AlreadyPaid, await Adapter.CloseAsync(Ref(paid, paidPlaced), default));
        Assert.Equal(CloseOutcome.NotFound, await Adapter.CloseAsync(new ChannelOrderRef(paid), default));
    }

    [Fact]
    public async Task An_authorization_is_captured_in_part_or_released()
    {
        var (captured, placed) = await PrepayAsync(Currency.Parse("USD"), 5000, captureLater: true);
        await PayAsync(captured, """{"notify":false}""");
        var authorized = await Adapter.QueryAsync(Ref(captured, placed), default);
        Assert.Equal(ChannelTradeState.Authorized, authorized.State);

        var partial = new Money(3000, Currency.Parse("USD"));
        var done = await Adapter.CaptureAsync(Ref(captured, placed), partial, default);
        Assert.Equal((ChannelTradeState.Succeeded, partial), (done.State, done.Amount));
        Assert.Equal(done, await Adapter.CaptureAsync(Ref(captured, placed), partial, default));

        var (released, releasedPlaced) = await PrepayAsync(Currency.Parse("USD"), 5000, captureLater: true);
        await PayAsync(released, """{"notify":false}""");
        Assert.Equal(CloseOutcome.Closed, await Adapter.CancelAsync(Ref(released, releasedPlaced), default));
        Assert.Equal("canceled", (string?)JsonNode.Parse(await sandbox.Client.GetStringAsync($"sandbox/stripe/orders/{released}"))!["payment_intent_status"]);
    }

    [Fact]
    public async Task Refunds_in_parts_are_found_by_number_and_refused_past_the_amount()
    {
        var (outTradeNo, placed) = await PrepayAsync(Currency.Parse("JPY"), 1200);
        await PayAsync(outTradeNo, """{"notify":false}""");
        var order = await Adapter.QueryAsync(Ref(outTradeNo, placed), default);
        var yen = Currency.Parse("JPY");

        var first = await Adapter.RefundAsync(Refund(outTradeNo, placed, order, "re_0first", 400), default);
        Assert.Equal((ChannelRefundState.Succeeded, new Money(400, yen)), (first.State, first.Amount));
        Assert.Equal(first.ChannelRefundNo, (await Adapter.RefundAsync(Refund(outTradeNo, placed, order, "re_0first", 400), default)).ChannelRefundNo);
        await Adapter.RefundAsync(Refund(outTradeNo, placed, order, "re_0second", 800), default);

        var found = await Adapter.QueryRefundAsync(Ref(outTradeNo, placed), "re_0second", default);
        Assert.Equal((ChannelRefundState.Succeeded, new Money(800, yen)), (found.State, found.Amount));
        var missing = await Assert.ThrowsAsync<ChannelException>(() => Adapter.QueryRefundAsync(Ref(outTradeNo, placed), "re_0third", default));
        Assert.Equal("REFUND_NOT_EXIST", missing.Code);
        var tooMuch = await Assert.ThrowsAsync<ChannelException>(() => Adapter.RefundAsync(Refund(outTradeNo, placed, order, "re_0third", 1), default));
        Assert.Equal(("charge_already_refunded", false), (tooMuch.Code, tooMuch.IsTransient));
        Assert.Equal(ChannelTradeState.Refunded, (await Adapter.QueryAsync(Ref(outTradeNo, placed), default)).State);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_injected_failures_are_transient()
    {
        var stranger = sandbox.NewAdapter("sk_test_" + new string('x', 99));
        var refused = await Assert.ThrowsAsync<ChannelException>(() => stranger.PrepayAsync(Request(NewOrder(), Currency.Cny, 100), default));
        Assert.Equal((401, false), (refused.HttpStatus, refused.IsTransient));

        using (await sandbox.Client.PostAsJsonAsync("sandbox/stripe/faults", new { kind = "api_error" }))
        {
        }

        var failure = await Assert.ThrowsAsync<ChannelException>(() => Adapter.PrepayAsync(Request(NewOrder(), Currency.Cny, 100), default));
        Assert.Equal((500, true), (failure.HttpStatus, failure.IsTransient));
    }

    internal static async Task<(string OutTradeNo, PrepayResult Placed)> PrepayAsync(IPaymentChannel adapter, Currency currency, long amount)
    {
        var outTradeNo = NewOrder();
        return (outTradeNo, await adapter.PrepayAsync(Request(outTradeNo, currency, amount), default));
    }

    private async Task<(string OutTradeNo, PrepayResult Placed)> PrepayAsync(Currency currency, long amount, bool captureLater = false)
    {
        var outTradeNo = NewOrder();
        var placed = await Adapter.PrepayAsync(Request(outTradeNo, currency, amount) with { CaptureLater = captureLater }, default);
        Assert.Equal(PrepayStatus.Placed, placed.Status);
        Assert.StartsWith("cs_test_", placed.ChannelOrderId, StringComparison.Ordinal);
        return (outTradeNo, placed);
    }

    private async Task<JsonObject> PayAsync(string outTradeNo, string json)
    {
        using var response = await sandbox.Client.PostAsync($"sandbox/stripe/orders/{outTradeNo}/pay", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    // A payment's deadline is fixed when it is created, so a repeated prepay sends the same one: a deadline read from the
    // clock at each call would differ by a second now and then, and Stripe refuses the same key with other parameters.
    private static PrepayRequest Request(string outTradeNo, Currency currency, long amount) =>
        new(outTradeNo, StripeCardChannel.CardMethod, new Money(amount, currency), "Latte", Deadline, new Uri("http://127.0.0.1/api/notify/stripe"), null)
        {
            ReturnUrl = ReturnUrl,
        };

    private static ChannelRefundRequest Refund(string outTradeNo, PrepayResult placed, ChannelOrder order, string outRefundNo, long amount) =>
        new(outTradeNo, outRefundNo, new Money(amount, order.Amount!.Value.Currency), order.Amount.Value, null, new Uri("http://127.0.0.1/api/notify/stripe"))
        {
            ChannelOrderId = placed.ChannelOrderId,
            ChannelTradeNo = order.ChannelTradeNo,
        };

    private static ChannelOrderRef Ref(string outTradeNo, PrepayResult placed) => new(outTradeNo, placed.ChannelOrderId);

    private static string NewOrder() => "pay_" + Guid.NewGuid().ToString("N")[..24];
}
