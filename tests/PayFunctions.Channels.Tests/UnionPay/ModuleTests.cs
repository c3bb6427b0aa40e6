using PayFunctions.Channels.UnionPay;

namespace PayFunctions.Channels.Tests.UnionPay;

public sealed class ModuleTests
{
    private readonly UnionPayModule _module = new();

    [Fact]
    public void Declares_QR_gateway_and_barcode_in_CNY_with_the_UnionPay_payment_code_pattern()
    {
        var capabilities = _module.Capabilities;

        Assert.Equal("unionpay", capabilities.Name);
        Assert.Equal("UnionPay", capabilities.ConfigurationKey);
        Assert.Equal(["unionpay.qr", "unionpay.gateway", "unionpay.barcode"], capabilities.Methods.Select(method => method.Method));
        var gateway = capabilities.Methods[1];
        Assert.Equal(NextActionType.RedirectToUrl, gateway.NextAction);
        Assert.Equal(PayerDetails.ReturnUrl, gateway.Requires);
        var barcode = capabilities.Methods[2];
        Assert.Equal(PayerDetails.PaymentCode, barcode.Requires);
        Assert.Matches(barcode.PaymentCodePattern!, "6222021234567890123");
        // A WeChat Pay code (18 digits, 10–15) must never be taken for a UnionPay one.
        Assert.DoesNotMatch(barcode.PaymentCodePattern!, "134567890123456789");
        Assert.DoesNotMatch(barcode.PaymentCodePattern!, "622202123456789012");
        Assert.Equal(["MerId", "SignCertId"], capabilities.SettingNames);
        Assert.Equal(["signing-private-key", "root-cert", "middle-cert"], capabilities.SecretNames);
        Assert.True(capabilities.Supports(
            ChannelOperations.Query | ChannelOperations.Cancel | ChannelOperations.PartialRefund | ChannelOperations.RefundQuery | ChannelOperations.RefundNotification
            | ChannelOperations.Statements));
    }

    [Fact]
    public void Is_in_the_catalog_once() =>
        Assert.Single(ChannelCatalog.All, module => module.Capabilities.Name == "unionpay");

    [Fact]
    public void A_bad_key_or_certificate_fails_when_the_adapter_is_built()
    {
        var account = UnionPayTestAccount.Account();
        var badKey = account with { Secrets = new Dictionary<string, string>(account.Secrets) { [UnionPayModule.SigningPrivateKeySecret] = "nope" } };
        var badRoot = account with { Secrets = new Dictionary<string, string>(account.Secrets) { [UnionPayModule.RootCertSecret] = "nope" } };
        var badMerId = UnionPayTestAccount.Account(merId: "12345");
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => _module.Create(badKey, http, TimeProvider.System));
        Assert.Throws<ArgumentException>(() => _module.Create(badRoot, http, TimeProvider.System));
        Assert.Throws<ArgumentException>(() => _module.Create(badMerId, http, TimeProvider.System));
    }
}
