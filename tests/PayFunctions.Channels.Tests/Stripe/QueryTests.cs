using System.Net;

namespace PayFunctions.Channels.Tests.Stripe;

/// <summary>A query reads the session with its PaymentIntent's latest charge, which is where Stripe tells what card paid.</summary>
public sealed class QueryTests
{
    [Fact]
    public async Task A_paid_session_reports_the_cards_fingerprint_issuing_country_and_brand_and_funding()
    {
        var adapter = StripeAccounts.Adapter(TimeProvider.System, new RecordingStripeHandler((HttpStatusCode.OK, Session(Card("visa", "credit", "us", "Xt5EWLLDS7FJjR1c")))));

        var order = await adapter.QueryAsync(new ChannelOrderRef("pay_0order", "cs_test_a1"), default);

        Assert.Equal(ChannelTradeState.Succeeded, order.State);
        Assert.Equal(new ChannelPayer(null, "visa/credit", "US", "Xt5EWLLDS7FJjR1c"), order.Payer);
    }

    [Fact]
    public async Task Hostile_card_details_are_dropped_and_the_payment_stands()
    {
        var adapter = StripeAccounts.Adapter(
            TimeProvider.System, new RecordingStripeHandler((HttpStatusCode.OK, Session(Card("visa 4242424242424242", "credit", "USA", "4242424242424242")))));

        var order = await adapter.QueryAsync(new ChannelOrderRef("pay_0order", "cs_test_a1"), default);

        Assert.Equal(ChannelTradeState.Succeeded, order.State);
        Assert.Null(order.Payer);
    }

    [Fact]
    public void A_webhook_names_the_latest_charge_by_id_only_so_it_reports_no_payer()
    {
        var adapter = StripeAccounts.Adapter(FixedTime.At(StripeEvents.SignedAt), new RecordingStripeHandler());

        var notification = adapter.ParseNotification(
            new Dictionary<string, string> { ["Stripe-Signature"] = StripeEvents.SucceededSignature }, System.Text.Encoding.UTF8.GetBytes(StripeEvents.Succeeded));

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Null(notification.Payer);
    }

    private static string Card(string brand, string funding, string country, string fingerprint) =>
        $$$"""{"type":"card","card":{"brand":"{{{brand}}}","country":"{{{country}}}","fingerprint":"{{{fingerprint}}}","funding":"{{{funding}}}","last4":"4242"}}""";

    private static string Session(string paymentMethodDetails) => $$$$"""
        {"id":"cs_test_a1","object":"checkout.session","status":"complete","amount_total":2599,"currency":"usd",
         "payment_intent":{"id":"pi_1","object":"payment_intent","amount":2599,"amount_received":2599,"currency":"usd","status":"succeeded",
           "metadata":{"out_trade_no":"pay_0order"},
           "latest_charge":{"id":"ch_1","object":"charge","amount":2599,"amount_refunded":0,"created":1700000000,"currency":"usd",
             "payment_method_details":{{{{paymentMethodDetails}}}}}}}
        """;
}
