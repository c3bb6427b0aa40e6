using System.Text;
using PayFunctions.Channels.UnionPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.UnionPay;

public sealed class NotificationTests : IDisposable
{
    private static readonly Dictionary<string, string> NoHeaders = [];
    private readonly UnionPayTestAccount _account = new();
    private readonly string _paymentId = PlatformIds.At(TestPki.Now.AddMinutes(-2));

    [Fact]
    public void A_consume_notification_is_a_verified_payment_callback()
    {
        var notification = _account.Client.ParseNotification(NoHeaders, Body(Consume()));

        Assert.Equal("unionpay", notification.Channel);
        Assert.Equal(_paymentId, notification.OutTradeNo);
        Assert.Equal("202603021000001234567", notification.ChannelTradeNo);
        Assert.Equal("202603021000001234567-01", notification.EventId);
        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal(new Money(2345, Currency.Cny), notification.Amount);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 59, 1, TimeSpan.FromHours(8)), notification.PaidAt);
        Assert.Equal(UnionPayTestAccount.MerId, notification.MerchantId);
        Assert.Null(notification.Refund);
    }

    [Fact]
    public void A_consume_notification_reports_the_kind_of_card_and_never_its_number()
    {
        var fields = Consume();
        fields["accNo"] = "6226388000000095";
        fields["payCardType"] = "02";
        fields["payCardNo"] = "6226388000000095";

        var notification = _account.Client.ParseNotification(NoHeaders, Body(fields));

        Assert.Equal(new ChannelPayer(null, "02", null, null), notification.Payer);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("07")]
    [InlineData("6226388000000095")]
    [InlineData("01 ")]
    public void An_unknown_or_hostile_card_type_is_dropped(string payCardType)
    {
        var fields = Consume();
        fields["payCardType"] = payCardType;

        var notification = _account.Client.ParseNotification(NoHeaders, Body(fields));

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Null(notification.Payer);
    }

    [Fact]
    public void A_refund_notification_names_the_order_and_the_refund()
    {
        var refundId = PlatformIds.At(TestPki.Now, prefix: "re", tail: "refund000001");
        var fields = Consume();
        fields["txnType"] = "04";
        fields["txnSubType"] = "00";
        fields["orderId"] = refundId.Replace("_", string.Empty, StringComparison.Ordinal);
        fields["queryId"] = "202603021000009999999";
        fields["origQryId"] = "202603021000001234567";
        fields["txnAmt"] = "500";
        fields["reqReserved"] = _paymentId.Replace("_", string.Empty, StringComparison.Ordinal);

        var notification = _account.Client.ParseNotification(NoHeaders, Body(fields));

        Assert.Equal(_paymentId, notification.OutTradeNo);
        Assert.Equal("202603021000001234567", notification.ChannelTradeNo);
        var refund = Assert.IsType<ChannelRefund>(notification.Refund);
        Assert.Equal(refundId, refund.OutRefundNo);
        Assert.Equal(ChannelRefundState.Succeeded, refund.State);
        Assert.Equal(new Money(500, Currency.Cny), refund.Amount);
        Assert.Equal("202603021000009999999-04", notification.EventId);
        Assert.Equal(ChannelTradeState.Refunded, notification.State);
    }

    [Fact]
    public void The_published_UnionPay_notification_passes_the_signature_and_fails_only_on_the_chain()
    {
        var error = Assert.Throws<ChannelNotificationException>(() =>
            _account.Client.ParseNotification(NoHeaders, UnionPaySide.FormBody(PublishedNotification.Fields())));

        Assert.True(error.IsAuthenticationFailure);
        Assert.Equal("certificate_expired", error.Reason);
    }

    [Fact]
    public void A_tampered_notification_is_unauthenticated()
    {
        var fields = UnionPaySide.SignAsUnionPay(Consume(), TestPki.Shared.SigningKey, TestPki.Shared.SigningPem);
        fields["txnAmt"] = "1";

        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(NoHeaders, UnionPaySide.FormBody(fields)));

        Assert.True(error.IsAuthenticationFailure);
        Assert.Equal("signature_invalid", error.Reason);
    }

    [Fact]
    public void A_notification_for_another_merchant_is_not_this_accounts()
    {
        var fields = Consume();
        fields["merId"] = "898111111111111";

        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(NoHeaders, Body(fields)));

        Assert.True(error.IsAuthenticationFailure);
        Assert.Equal("merchant_mismatch", error.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a form")]
    [InlineData("a=%E4%B8")]
    public void Garbage_is_unauthenticated(string body)
    {
        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(NoHeaders, Encoding.UTF8.GetBytes(body)));

        Assert.True(error.IsAuthenticationFailure);
    }

    [Fact]
    public void A_verified_notification_about_an_order_the_platform_did_not_make_is_rejected()
    {
        var fields = Consume();
        fields["orderId"] = "20180110164727";

        var error = Assert.Throws<ChannelNotificationException>(() => _account.Client.ParseNotification(NoHeaders, Body(fields)));

        Assert.False(error.IsAuthenticationFailure);
        Assert.Equal("order_unknown", error.Reason);
    }

    [Fact]
    public void Replies_are_200_to_acknowledge_and_500_to_be_sent_again()
    {
        Assert.Equal(200, _account.Client.SuccessReply.StatusCode);
        Assert.Equal(500, _account.Client.FailureReply(new string('x', 200)).StatusCode);
        Assert.Equal(64, _account.Client.FailureReply(new string('x', 200)).Body.Length);
    }

    public void Dispose() => _account.Dispose();

    private static byte[] Body(Dictionary<string, string> fields) =>
        UnionPaySide.FormBody(UnionPaySide.SignAsUnionPay(fields, TestPki.Shared.SigningKey, TestPki.Shared.SigningPem));

    private Dictionary<string, string> Consume() => new(StringComparer.Ordinal)
    {
        ["version"] = "5.1.0",
        ["encoding"] = "UTF-8",
        ["signMethod"] = "01",
        ["txnType"] = "01",
        ["txnSubType"] = "07",
        ["bizType"] = "000000",
        ["accessType"] = "0",
        ["merId"] = UnionPayTestAccount.MerId,
        ["orderId"] = _paymentId.Replace("_", string.Empty, StringComparison.Ordinal),
        ["txnTime"] = PlatformIds.ChinaTime(TestPki.Now.AddMinutes(-2)),
        ["txnAmt"] = "2345",
        ["currencyCode"] = "156",
        ["queryId"] = "202603021000001234567",
        ["traceNo"] = "234567",
        ["traceTime"] = "0302095901",
        ["settleDate"] = "0302",
        ["respCode"] = "00",
        ["respMsg"] = "成功[0000000]",
    };
}
