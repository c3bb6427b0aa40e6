using System.Net;

namespace PayFunctions.Channels.Tests.Stripe;

/// <summary>Closing races the payer: whatever Stripe answers the expire, the session as it then stands decides.</summary>
public sealed class CloseTests
{
    private const string Open = """{"id":"cs_test_a1","object":"checkout.session","status":"open","amount_total":2599,"currency":"usd","payment_intent":null}""";
    private const string Paid = """{"id":"cs_test_a1","object":"checkout.session","status":"complete","amount_total":2599,"currency":"usd","payment_intent":{"id":"pi_1","object":"payment_intent","amount":2599,"amount_received":2599,"currency":"usd","status":"succeeded","metadata":{"out_trade_no":"pay_0order"}}}""";
    private const string NotExpirable = """{"error":{"type":"invalid_request_error","code":"checkout_session_not_expirable","message":"Only Checkout Sessions with a status in [\"open\"] can be expired."}}""";

    [Fact]
    public async Task A_session_paid_while_it_was_being_expired_is_already_paid()
    {
        var handler = new RecordingStripeHandler((HttpStatusCode.OK, Open), (HttpStatusCode.BadRequest, NotExpirable), (HttpStatusCode.OK, Paid));
        var adapter = StripeAccounts.Adapter(TimeProvider.System, handler);

        Assert.Equal(CloseOutcome.AlreadyPaid, await adapter.CloseAsync(new ChannelOrderRef("pay_0order", "cs_test_a1"), default));
        Assert.Equal(
            ["/v1/checkout/sessions/cs_test_a1?expand[0]=payment_intent.latest_charge", "/v1/checkout/sessions/cs_test_a1/expire", "/v1/checkout/sessions/cs_test_a1?expand[0]=payment_intent.latest_charge"],
            handler.Requests.Select(r => System.Net.WebUtility.UrlDecode(r.PathAndQuery)));
    }

    [Fact]
    public async Task An_order_never_placed_is_not_found_without_asking()
    {
        var handler = new RecordingStripeHandler();
        Assert.Equal(CloseOutcome.NotFound, await StripeAccounts.Adapter(TimeProvider.System, handler).CloseAsync(new ChannelOrderRef("pay_0order"), default));
        Assert.Empty(handler.Requests);
    }
}
