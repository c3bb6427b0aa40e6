using PayFunctions.Channels.UnionPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.UnionPay;

public sealed class GatewayFormTests : IDisposable
{
    private static readonly Uri NotifyUrl = new("https://pay.example.com/api/notify/unionpay");
    private static readonly Uri ReturnUrl = new("https://shop.example/orders/return?o=1&x=%E4%B8%AD");
    private readonly UnionPayTestAccount _account = new();
    private readonly string _paymentId = PlatformIds.At(TestPki.Now.AddSeconds(-3));

    [Fact]
    public async Task Gateway_prepay_signs_the_frontTransReq_consume_form_without_calling_UnionPay()
    {
        var result = await _account.Client.PrepayAsync(Prepay() with { ReturnUrl = ReturnUrl }, CancellationToken.None);

        Assert.Equal(PrepayStatus.Placed, result.Status);
        var form = Assert.IsType<SubmitForm>(result.NextAction);
        Assert.Equal(NextActionType.RedirectToUrl, form.Type);
        Assert.Equal("https://gateway.test.95516.com/gateway/api/frontTransReq.do", form.Action.AbsoluteUri);
        Assert.Empty(_account.Handler.Requests);

        var fields = form.Fields;
        Assert.True(UnionPaySide.IsSignedBy(fields, TestPki.Shared.MerchantKey));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["version"] = "5.1.0",
                ["encoding"] = "UTF-8",
                ["signMethod"] = "01",
                ["txnType"] = "01",
                ["txnSubType"] = "01",
                ["bizType"] = "000201",
                ["channelType"] = "07",
                ["accessType"] = "0",
                ["merId"] = UnionPayTestAccount.MerId,
                ["orderId"] = _paymentId.Replace("_", string.Empty, StringComparison.Ordinal),
                ["txnTime"] = PlatformIds.ChinaTime(TestPki.Now.AddSeconds(-3)),
                ["txnAmt"] = "2345",
                ["currencyCode"] = "156",
                ["backUrl"] = NotifyUrl.AbsoluteUri,
                ["frontUrl"] = ReturnUrl.AbsoluteUri,
                ["payTimeout"] = PlatformIds.ChinaTime(TestPki.Now.AddMinutes(15)),
                ["certId"] = UnionPayTestAccount.SignCertId,
            },
            fields.Where(f => f.Key != "signature").ToDictionary());
    }

    [Fact]
    public async Task A_changed_field_no_longer_verifies()
    {
        var result = await _account.Client.PrepayAsync(Prepay() with { ReturnUrl = ReturnUrl }, CancellationToken.None);
        var fields = new Dictionary<string, string>(Assert.IsType<SubmitForm>(result.NextAction).Fields) { ["txnAmt"] = "1" };

        Assert.False(UnionPaySide.IsSignedBy(fields, TestPki.Shared.MerchantKey));
    }

    [Fact]
    public async Task Without_a_return_url_the_gateway_is_refused_for_good()
    {
        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PrepayAsync(Prepay(), CancellationToken.None));

        Assert.Equal("RETURN_URL_MISSING", error.Code);
        Assert.False(error.IsTransient);
    }

    public void Dispose() => _account.Dispose();

    private PrepayRequest Prepay() =>
        new(_paymentId, UnionPayClient.GatewayMethod, new Money(2345, Currency.Cny), "Coffee", TestPki.Now.AddMinutes(15), NotifyUrl, null);
}
