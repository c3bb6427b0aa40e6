using System.Text;
using PayFunctions.Channels.PayPal;

namespace PayFunctions.Channels.Tests.PayPal;

public sealed class WebhookTests
{
    private const string CaptureCompleted = """
        {"id":"WH-58D329510W468432D-8HN650336L201105X","event_version":"1.0","create_time":"2026-03-02T08:00:02.000Z","resource_type":"capture","resource_version":"2.0",
         "event_type":"PAYMENT.CAPTURE.COMPLETED","summary":"Payment completed for $ 100.0 USD",
         "resource":{"id":"3C679366HH908993F","status":"COMPLETED","amount":{"currency_code":"USD","value":"100.00"},"final_capture":true,
           "seller_protection":{"status":"ELIGIBLE"},"invoice_id":"pay_1","custom_id":"pay_1","payee":{"merchant_id":"7KNGBPH2U58GQ"},
           "supplementary_data":{"related_ids":{"order_id":"5O190127TN364715T"}},"create_time":"2026-03-02T08:00:01Z","update_time":"2026-03-02T08:00:01Z"}}
        """;

    [Fact]
    public async Task CaptureCompleted_SignedByTheFetchedCertificate_IsASuccess()
    {
        using var account = new PayPalTestAccount();
        account.ServeCertificate();
        var headers = account.Sign(CaptureCompleted);

        await account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None);
        var notification = account.Adapter.ParseNotification(headers, Encoding.UTF8.GetBytes(CaptureCompleted));

        Assert.Equal(ChannelTradeState.Succeeded, notification.State);
        Assert.Equal("pay_1", notification.OutTradeNo);
        Assert.Equal("3C679366HH908993F", notification.ChannelTradeNo);
        Assert.Equal(10000, notification.Amount.MinorUnits);
        Assert.Equal("USD", notification.Amount.Currency.Code);
        Assert.Equal("WH-58D329510W468432D-8HN650336L201105X", notification.EventId);
        Assert.NotNull(notification.PaidAt);

        // The certificate is fetched once and kept: the next transmission costs no call.
        var again = account.Sign(CaptureCompleted);
        await account.Adapter.PrepareNotificationAsync(again, CancellationToken.None);
        account.Adapter.ParseNotification(again, Encoding.UTF8.GetBytes(CaptureCompleted));
        Assert.Single(account.Handler.Requests, r => r.Uri.AbsolutePath == PayPalTestAccount.CertPath);
    }

    [Fact]
    public async Task OrderApproved_IsAnAuthorizationOfTheOrder()
    {
        const string body = """
            {"id":"WH-1","event_type":"CHECKOUT.ORDER.APPROVED","resource_type":"checkout-order",
             "resource":{"id":"5O190127TN364715T","intent":"CAPTURE","status":"APPROVED",
               "purchase_units":[{"reference_id":"default","invoice_id":"pay_1","amount":{"currency_code":"JPY","value":"1500"},"payee":{"merchant_id":"7KNGBPH2U58GQ"}}]}}
            """;
        using var account = new PayPalTestAccount();
        account.ServeCertificate();
        var headers = account.Sign(body);
        await account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None);

        var notification = account.Adapter.ParseNotification(headers, Encoding.UTF8.GetBytes(body));

        Assert.Equal(ChannelTradeState.Authorized, notification.State);
        Assert.Equal("5O190127TN364715T", notification.ChannelTradeNo);
        Assert.Equal(1500, notification.Amount.MinorUnits);
        Assert.Null(notification.PaidAt);
    }

    [Theory]
    [InlineData("QYR5Z8XDVJNXQ", "gb", "QYR5Z8XDVJNXQ", "GB")]
    [InlineData("QYR5Z8XDVJNXQ\u003cb\u003e", "GBR", null, null)]
    public async Task OrderApproved_ReportsThePayersIdCountryAndName_DroppingMalformedOnes(string payerId, string country, string? expectedId, string? expectedCountry)
    {
        var body = $$$"""
            {"id":"WH-2","event_type":"CHECKOUT.ORDER.APPROVED","resource_type":"checkout-order",
             "resource":{"id":"5O190127TN364715T","intent":"CAPTURE","status":"APPROVED",
               "payer":{"name":{"given_name":"John","surname":"Doe"},"email_address":"buyer@example.com","payer_id":"{{{payerId}}}","address":{"country_code":"{{{country}}}"}},
               "purchase_units":[{"reference_id":"default","invoice_id":"pay_1","amount":{"currency_code":"JPY","value":"1500"},"payee":{"merchant_id":"7KNGBPH2U58GQ"}}]}}
            """;
        using var account = new PayPalTestAccount();
        account.ServeCertificate();
        var headers = account.Sign(body);
        await account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None);

        var notification = account.Adapter.ParseNotification(headers, Encoding.UTF8.GetBytes(body));

        Assert.Equal(ChannelTradeState.Authorized, notification.State);
        Assert.Equal(new ChannelPayer(expectedId, null, expectedCountry, null) { Name = "John Doe" }, notification.Payer);
    }

    [Fact]
    public async Task CaptureRefunded_IsARefundNamedByItsInvoiceIdForTheOrderInItsCustomId()
    {
        const string body = """
            {"id":"WH-2","event_type":"PAYMENT.CAPTURE.REFUNDED","resource_type":"refund",
             "resource":{"id":"1JU08902781691411","status":"COMPLETED","amount":{"currency_code":"USD","value":"33.33"},"invoice_id":"re_1","custom_id":"pay_1",
               "create_time":"2026-03-02T08:00:00Z","update_time":"2026-03-02T08:00:01Z",
               "links":[{"href":"https://api.paypal.com/v2/payments/captures/3C679366HH908993F","rel":"up","method":"GET"}]}}
            """;
        using var account = new PayPalTestAccount();
        account.ServeCertificate();
        var headers = account.Sign(body);
        await account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None);

        var notification = account.Adapter.ParseNotification(headers, Encoding.UTF8.GetBytes(body));

        Assert.Equal("pay_1", notification.OutTradeNo);
        Assert.Equal("3C679366HH908993F", notification.ChannelTradeNo);
        var refund = Assert.IsType<ChannelRefund>(notification.Refund);
        Assert.Equal("re_1", refund.OutRefundNo);
        Assert.Equal(ChannelRefundState.Succeeded, refund.State);
        Assert.Equal(3333, refund.Amount!.Value.MinorUnits);
    }

    [Fact]
    public async Task Tampering_OrAnotherWebhookId_OrAStaleTransmission_IsUnauthenticated()
    {
        using var account = new PayPalTestAccount();
        account.ServeCertificate();
        var headers = account.Sign(CaptureCompleted);
        await account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None);

        AssertRefused("signature_invalid", headers, CaptureCompleted.Replace("100.00", "1.00", StringComparison.Ordinal));
        AssertRefused("signature_invalid", account.Sign(CaptureCompleted, webhookId: "8PT597110X687430LKGECATA"), CaptureCompleted);

        var changedId = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase) { ["PAYPAL-TRANSMISSION-ID"] = Guid.NewGuid().ToString() };
        AssertRefused("signature_invalid", changedId, CaptureCompleted);
        AssertRefused("timestamp_stale", account.Sign(CaptureCompleted, at: account.Time.Now.AddMinutes(-6)), CaptureCompleted);

        var otherAlgo = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase) { ["PAYPAL-AUTH-ALGO"] = "SHA1withRSA" };
        AssertRefused("auth_algo_unsupported", otherAlgo, CaptureCompleted);
        var missing = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        missing.Remove("PAYPAL-TRANSMISSION-SIG");
        AssertRefused("signature_headers_missing", missing, CaptureCompleted);

        void AssertRefused(string reason, IReadOnlyDictionary<string, string> signed, string body)
        {
            var refused = Assert.Throws<ChannelNotificationException>(() => account.Adapter.ParseNotification(signed, Encoding.UTF8.GetBytes(body)));
            Assert.Equal(reason, refused.Reason);
            Assert.True(refused.IsAuthenticationFailure);
        }
    }

    [Theory]
    [InlineData("https://evil.test/v1/notifications/certs/CERT-1")]
    [InlineData("http://169.254.169.254/v1/notifications/certs/CERT-1")]
    [InlineData("https://paypal.stand-in.test/v1/oauth2/token")]
    public async Task ACertificateUrlOutsideTheAllowList_IsNeverFetched(string certUrl)
    {
        using var account = new PayPalTestAccount();
        var headers = account.Sign(CaptureCompleted, certUrl: certUrl);

        var refused = await Assert.ThrowsAsync<ChannelNotificationException>(() => account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None));
        Assert.Equal("cert_url_not_allowed", refused.Reason);
        Assert.Equal("cert_url_not_allowed", Assert.Throws<ChannelNotificationException>(() => account.Adapter.ParseNotification(headers, Encoding.UTF8.GetBytes(CaptureCompleted))).Reason);
        Assert.Empty(account.Handler.Requests);
    }

    [Fact]
    public async Task ACertificateUrlWithAnUnpairedSurrogateInItsHost_IsRefusedAsNotAllowed_AndNeverFetched()
    {
        // Built here rather than passed as test data, which would replace the lone surrogate on its way to the test.
        foreach (var certUrl in new[] { "https://paypal.stand-in\udfff.test/v1/notifications/certs/CERT-1", "https://api.paypal\ud800.com/v1/notifications/certs/CERT-1" })
        {
            using var account = new PayPalTestAccount();
            var headers = account.Sign(CaptureCompleted, certUrl: certUrl);

            await account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None);
            var refused = Assert.Throws<ChannelNotificationException>(() => account.Adapter.ParseNotification(headers, Encoding.UTF8.GetBytes(CaptureCompleted)));
            Assert.Equal("cert_url_not_allowed", refused.Reason);
            Assert.Empty(account.Handler.Requests);
        }
    }

    [Fact]
    public async Task AStaleTransmission_FetchesNothing()
    {
        using var account = new PayPalTestAccount();
        await account.Adapter.PrepareNotificationAsync(account.Sign(CaptureCompleted, at: account.Time.Now.AddHours(-1)), CancellationToken.None);
        Assert.Empty(account.Handler.Requests);
    }

    [Fact]
    public async Task ACertificateNotInPayPalsName_IsNotUsed()
    {
        using var account = new PayPalTestAccount();
        using var foreign = PayPalTestAccount.CreateCertificate("CN=webhooks.evil.test", account.Time.Now.AddDays(-1), account.Time.Now.AddYears(1));
        account.Handler.Script("GET", PayPalTestAccount.CertPath, 200, foreign.ExportCertificatePem());
        var headers = account.Sign(CaptureCompleted);

        var refused = await Assert.ThrowsAsync<ChannelNotificationException>(() => account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None));

        Assert.Equal("certificate_unavailable", refused.Reason);
        Assert.True(refused.IsAuthenticationFailure);
    }

    [Fact]
    public void ASelfSignedCertificateInPayPalsName_FromPayPalsOwnHost_DoesNotChainAndIsRefused()
    {
        var now = DateTimeOffset.UtcNow;
        using var forged = PayPalTestAccount.CreateCertificate("CN=messageverificationcerts.paypal.com, O=\"PayPal, Inc.\"", now.AddDays(-1), now.AddYears(1));
        Assert.False(PayPalWebhookCertificates.IsAcceptable([forged], chainRequired: true, now));
        Assert.True(PayPalWebhookCertificates.IsAcceptable([forged], chainRequired: false, now));
        Assert.False(PayPalWebhookCertificates.IsAcceptable([forged], chainRequired: false, now.AddYears(2)));
    }

    [Fact]
    public async Task AnUnhandledEventType_IsRefusedButNotAsUnauthenticated()
    {
        const string body = """{"id":"WH-3","event_type":"CUSTOMER.DISPUTE.CREATED","resource_type":"dispute","resource":{"dispute_id":"PP-D-1"}}""";
        using var account = new PayPalTestAccount();
        account.ServeCertificate();
        var headers = account.Sign(body);
        await account.Adapter.PrepareNotificationAsync(headers, CancellationToken.None);

        var refused = Assert.Throws<ChannelNotificationException>(() => account.Adapter.ParseNotification(headers, Encoding.UTF8.GetBytes(body)));
        Assert.Equal("event_type_unsupported", refused.Reason);
        Assert.False(refused.IsAuthenticationFailure);
    }
}
