using System.Security.Cryptography;
using System.Text;
using PayFunctions.Channels.AlipayPlus;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.AlipayPlus;

public sealed class NotificationTests
{
    private const string PaymentResult = """
        {"notifyType":"PAYMENT_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"paymentRequestId":"pay_1","paymentId":"2026P1","paymentAmount":{"currency":"THB","value":"10000"},"paymentCreateTime":"2026-03-01T10:00:00+08:00","paymentTime":"2026-03-01T10:01:00+08:00"}
        """;

    private const string RefundResult = """
        {"notifyType":"REFUND_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"refundStatus":"SUCCESS","refundRequestId":"re_1","refundId":"2026R1","refundAmount":{"currency":"THB","value":"3333"},"refundTime":"2026-03-01T11:00:00+08:00","metadata":"pay_1"}
        """;

    private readonly AlipayPlusClient _client = AlipayPlusTestKeys.Client(new FakeAlipayPlus());

    [Fact]
    public void PaymentResult_Verified_IsASuccessForThePaymentRequestId()
    {
        var notification = _client.ParseNotification(AlipayPlusTestKeys.NotificationHeaders(PaymentResult), Encoding.UTF8.GetBytes(PaymentResult));

        Assert.Equal("alipay_plus", notification.Channel);
        Assert.Equal("pay_1", notification.OutTradeNo);
        Assert.Equal("2026P1", notification.ChannelTradeNo);
        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal(new Money(10000, Currency.Parse("THB")), notification.Amount);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 1, 0, TimeSpan.FromHours(8)), notification.PaidAt);
        Assert.Null(notification.Refund);
    }

    [Theory]
    [InlineData("""{"pspName":"GCASH","pspCustomerId":"2188120012345678","displayCustomerId":"63*****1234"}""", "2188120012345678", "GCASH")]
    [InlineData("""{"pspName":"Touch 'n Go","pspCustomerId":"63 917 123 4567"}""", null, null)]
    [InlineData("""{"pspName":"TNG","pspCustomerId":"5555555555554444"}""", null, "TNG")]
    [InlineData("\"2188120012345678\"", null, null)]
    public void PaymentResult_ReportsThePayerAtTheWallet_DroppingMalformedParts(string pspCustomerInfo, string? account, string? wallet)
    {
        var body = PaymentResult[..^1] + ",\"pspCustomerInfo\":" + pspCustomerInfo + "}";

        var notification = _client.ParseNotification(AlipayPlusTestKeys.NotificationHeaders(body), Encoding.UTF8.GetBytes(body));

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal(account is null && wallet is null ? null : new ChannelPayer(account, wallet, null, null), notification.Payer);
    }

    [Fact]
    public void PaymentResult_RedeliveredWithFreshHeaders_KeepsItsEventId()
    {
        var first = _client.ParseNotification(AlipayPlusTestKeys.NotificationHeaders(PaymentResult), Encoding.UTF8.GetBytes(PaymentResult));
        var headers = AlipayPlusTestKeys.NotificationHeaders(PaymentResult);
        var again = _client.ParseNotification(headers, Encoding.UTF8.GetBytes(PaymentResult));

        Assert.Equal(first.EventId, again.EventId);
    }

    [Fact]
    public void RefundResult_IsTheRefundOfThePaymentNamedInItsMetadata()
    {
        var notification = _client.ParseNotification(AlipayPlusTestKeys.NotificationHeaders(RefundResult), Encoding.UTF8.GetBytes(RefundResult));

        Assert.Equal("pay_1", notification.OutTradeNo);
        var refund = Assert.IsType<ChannelRefund>(notification.Refund);
        Assert.Equal("re_1", refund.OutRefundNo);
        Assert.Equal(ChannelRefundState.Succeeded, refund.State);
        Assert.Equal("2026R1", refund.ChannelRefundNo);
        Assert.Equal(new Money(3333, Currency.Parse("THB")), refund.Amount);
    }

    [Fact]
    public void AChangedBody_IsUnauthenticated()
    {
        var headers = AlipayPlusTestKeys.NotificationHeaders(PaymentResult);
        var forged = PaymentResult.Replace("\"value\":\"10000\"", "\"value\":\"1\"", StringComparison.Ordinal);

        var error = Assert.Throws<ChannelNotificationException>(() => _client.ParseNotification(headers, Encoding.UTF8.GetBytes(forged)));

        Assert.True(error.IsAuthenticationFailure);
        Assert.Equal("signature_invalid", error.Reason);
    }

    [Fact]
    public void AnotherKeyOrAnotherClient_IsUnauthenticatedSoTheNextAccountMayTry()
    {
        using var stranger = RSA.Create(2048);
        var body = Encoding.UTF8.GetBytes(PaymentResult);

        var otherKey = Assert.Throws<ChannelNotificationException>(() => _client.ParseNotification(AlipayPlusTestKeys.NotificationHeaders(PaymentResult, stranger), body));
        var otherClient = Assert.Throws<ChannelNotificationException>(
            () => _client.ParseNotification(AlipayPlusTestKeys.NotificationHeaders(PaymentResult, clientId: "SANDBOX_OTHER"), body));
        var unsigned = Assert.Throws<ChannelNotificationException>(() => _client.ParseNotification(new Dictionary<string, string>(), body));

        Assert.All([otherKey, otherClient, unsigned], e => Assert.True(e.IsAuthenticationFailure));
        Assert.Equal("client_id_mismatch", otherClient.Reason);
    }

    [Fact]
    public void SignedButUnusable_IsRejectedAsContentNotOrigin()
    {
        const string Unknown = """{"notifyType":"DISPUTE","result":{"resultCode":"SUCCESS","resultStatus":"S"}}""";

        var error = Assert.Throws<ChannelNotificationException>(() => _client.ParseNotification(AlipayPlusTestKeys.NotificationHeaders(Unknown), Encoding.UTF8.GetBytes(Unknown)));

        Assert.False(error.IsAuthenticationFailure);
    }

    [Fact]
    public void Replies_AreTheDocumentedAcknowledgementAndAFailedResult()
    {
        Assert.Equal(200, _client.SuccessReply.StatusCode);
        Assert.Equal("""{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}""", _client.SuccessReply.Body);
        Assert.Contains("\"resultStatus\":\"F\"", _client.FailureReply("x").Body, StringComparison.Ordinal);
    }
}
