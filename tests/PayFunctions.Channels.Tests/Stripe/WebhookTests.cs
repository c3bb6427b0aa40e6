using System.Text;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.Stripe;

/// <summary>Stripe-Signature verification (t=, v1=, HMAC-SHA256 of "t.body", 300 s tolerance) and the events' mapping.</summary>
public sealed class WebhookTests
{
    private static readonly IPaymentChannel Adapter = StripeAccounts.Adapter(FixedTime.At(StripeEvents.SignedAt + 10));

    [Fact]
    public void The_known_answer_verifies_and_maps_to_a_success_of_the_order_in_its_metadata()
    {
        var notification = Parse(StripeEvents.Succeeded, StripeEvents.SucceededSignature);

        Assert.Equal(("stripe", "evt_3SampleKnownAnswer0001", "payment_intent.succeeded"), (notification.Channel, notification.EventId, notification.EventType));
        Assert.Equal((StripeEvents.OutTradeNo, "pi_3SampleKnownAnswer0001", ChannelTradeState.Succeeded), (notification.OutTradeNo, notification.ChannelTradeNo, notification.State));
        Assert.Equal(new Money(2599, Currency.Parse("USD")), notification.Amount);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(StripeEvents.SignedAt), notification.PaidAt);
        Assert.Equal("acct_1Sample", notification.MerchantId);
        Assert.Null(notification.Refund);
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void A_signature_is_taken_within_300_seconds_either_way(long skew, bool taken)
    {
        var adapter = StripeAccounts.Adapter(FixedTime.At(StripeEvents.SignedAt + skew));
        if (taken)
        {
            Assert.Equal(ChannelTradeState.Succeeded, adapter.ParseNotification(Headers(StripeEvents.SucceededSignature), Encoding.UTF8.GetBytes(StripeEvents.Succeeded)).State);
        }
        else
        {
            var stale = Assert.Throws<ChannelNotificationException>(() => adapter.ParseNotification(Headers(StripeEvents.SucceededSignature), Encoding.UTF8.GetBytes(StripeEvents.Succeeded)));
            Assert.Equal(("timestamp_stale", true), (stale.Reason, stale.IsAuthenticationFailure));
        }
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("timestamp")]
    [InlineData("secret")]
    [InlineData("missing")]
    [InlineData("garbled")]
    [InlineData("v0 only")]
    public void A_tampered_body_another_secret_or_a_bad_header_is_an_authentication_failure(string tampering)
    {
        var body = StripeEvents.Succeeded;
        var header = StripeEvents.SucceededSignature;
        switch (tampering)
        {
            case "amount":
                body = body.Replace("\"amount\":2599", "\"amount\":1", StringComparison.Ordinal);
                break;
            case "timestamp":
                header = header.Replace("t=1700000000", "t=1700000001", StringComparison.Ordinal);
                break;
            case "secret":
                header = StripeEvents.Signature(body, StripeEvents.SignedAt, "whsec_AnotherEndpointsSecret0000000000");
                break;
            case "missing":
                header = string.Empty;
                break;
            case "garbled":
                header = "t=17000x0000,v1=zz";
                break;
            case "v0 only":
                header = header.Replace("v1=", "v0=", StringComparison.Ordinal);
                break;
        }

        var refused = Assert.Throws<ChannelNotificationException>(() => Parse(body, header));
        Assert.True(refused.IsAuthenticationFailure, refused.Reason);
    }

    [Fact]
    public void Any_of_several_v1_signatures_verifies_as_during_a_secret_roll()
    {
        var header = $"t={StripeEvents.SignedAt},v1={new string('0', 64)},{StripeEvents.SucceededSignature.Split(',')[1]}";
        Assert.Equal(ChannelTradeState.Succeeded, Parse(StripeEvents.Succeeded, header).State);
    }

    [Theory]
    [InlineData("payment_intent.amount_capturable_updated", "requires_capture", ChannelTradeState.Authorized)]
    [InlineData("payment_intent.payment_failed", "requires_payment_method", ChannelTradeState.NotPaid)]
    [InlineData("payment_intent.canceled", "canceled", ChannelTradeState.Closed)]
    public void Payment_intent_events_map_to_the_order_state(string type, string status, ChannelTradeState state)
    {
        var body = StripeEvents.Event(type, StripeEvents.PaymentIntent(status));
        var notification = Parse(body, StripeEvents.Signature(body, StripeEvents.SignedAt));
        Assert.Equal((state, StripeEvents.OutTradeNo), (notification.State, notification.OutTradeNo));
        Assert.Null(notification.PaidAt);
    }

    [Fact]
    public void An_expired_session_closes_its_order()
    {
        var session = $$"""{"id":"cs_test_1","object":"checkout.session","amount_total":10000,"client_reference_id":"{{StripeEvents.OutTradeNo}}","currency":"cny","metadata":{"out_trade_no":"{{StripeEvents.OutTradeNo}}"},"mode":"payment","payment_intent":null,"status":"expired"}""";
        var body = StripeEvents.Event("checkout.session.expired", session);
        var notification = Parse(body, StripeEvents.Signature(body, StripeEvents.SignedAt));
        Assert.Equal((ChannelTradeState.Closed, new Money(10000, Currency.Cny)), (notification.State, notification.Amount));
    }

    [Theory]
    [InlineData("succeeded", ChannelRefundState.Succeeded)]
    [InlineData("pending", ChannelRefundState.Processing)]
    [InlineData("failed", ChannelRefundState.Failed)]
    public void A_refund_event_is_about_the_platform_refund_in_its_metadata(string status, ChannelRefundState state)
    {
        var refund = $$"""{"id":"re_1","object":"refund","amount":300,"created":{{StripeEvents.SignedAt}},"currency":"usd","metadata":{"out_trade_no":"{{StripeEvents.OutTradeNo}}","out_refund_no":"re_0abc"},"payment_intent":"pi_3Sample","status":"{{status}}"}""";
        var body = StripeEvents.Event("refund.updated", refund);
        var notification = Parse(body, StripeEvents.Signature(body, StripeEvents.SignedAt));
        Assert.Equal((StripeEvents.OutTradeNo, "pi_3Sample"), (notification.OutTradeNo, notification.ChannelTradeNo));
        Assert.Equal(("re_0abc", state, "re_1", new Money(300, Currency.Parse("USD"))), (notification.Refund!.OutRefundNo, notification.Refund.State, notification.Refund.ChannelRefundNo, notification.Refund.Amount!.Value));
    }

    [Fact]
    public void A_genuine_event_of_another_api_version_or_type_is_refused_without_blaming_its_origin()
    {
        var oldVersion = StripeEvents.Event("payment_intent.succeeded", StripeEvents.PaymentIntent("succeeded"), apiVersion: "2024-06-20");
        var versionRefused = Assert.Throws<ChannelNotificationException>(() => Parse(oldVersion, StripeEvents.Signature(oldVersion, StripeEvents.SignedAt)));
        Assert.Equal(("api_version_mismatch", false), (versionRefused.Reason, versionRefused.IsAuthenticationFailure));

        var customer = StripeEvents.Event("customer.created", """{"id":"cus_1","object":"customer"}""");
        var typeRefused = Assert.Throws<ChannelNotificationException>(() => Parse(customer, StripeEvents.Signature(customer, StripeEvents.SignedAt)));
        Assert.False(typeRefused.IsAuthenticationFailure);
    }

    [Fact]
    public void Success_is_a_200_and_failure_anything_else()
    {
        Assert.Equal(200, Adapter.SuccessReply.StatusCode);
        Assert.Equal(500, Adapter.FailureReply("unknown order").StatusCode);
    }

    private static ChannelNotification Parse(string body, string header) => Adapter.ParseNotification(Headers(header), Encoding.UTF8.GetBytes(body));

    private static Dictionary<string, string> Headers(string signature) =>
        signature.Length == 0 ? [] : new Dictionary<string, string> { ["stripe-signature"] = signature };
}
