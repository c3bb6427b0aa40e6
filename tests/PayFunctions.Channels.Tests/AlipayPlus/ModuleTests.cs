using PayFunctions.Channels.AlipayPlus;

namespace PayFunctions.Channels.Tests.AlipayPlus;

public sealed class ModuleTests
{
    private readonly AlipayPlusModule _module = new();

    [Fact]
    public void Capabilities_DeclareOneMethodPerWalletWithItsCurrencyCountryAndNextAction()
    {
        var methods = _module.Capabilities.Methods.ToDictionary(m => m.Method);

        Assert.Equal(
            ["alipay_plus.gcash", "alipay_plus.dana", "alipay_plus.tng", "alipay_plus.truemoney", "alipay_plus.kakaopay"],
            _module.Capabilities.Methods.Select(m => m.Method));
        Assert.Equal(["IDR"], methods["alipay_plus.dana"].Currencies);
        Assert.Equal(["ID"], methods["alipay_plus.dana"].Countries);
        Assert.Equal(300_00, methods["alipay_plus.dana"].MinAmount);
        Assert.Equal(50, methods["alipay_plus.kakaopay"].MinAmount);
        Assert.Equal(NextActionType.DisplayQrCode, methods["alipay_plus.kakaopay"].NextAction);
        Assert.All(methods.Values.Where(m => m.Method != "alipay_plus.kakaopay"), m => Assert.Equal(NextActionType.RedirectToUrl, m.NextAction));
        Assert.All(methods.Values, m => Assert.Equal(PayerDetails.ReturnUrl, m.Requires));
        Assert.True(_module.Capabilities.Supports(ChannelOperations.Close | ChannelOperations.PartialRefund | ChannelOperations.RefundNotification | ChannelOperations.Statements));
        Assert.False(_module.Capabilities.Supports(ChannelOperations.Cancel));
        Assert.Equal(["merchant-private-key", "alipay-plus-public-key"], _module.Capabilities.SecretNames);
        Assert.Equal(["ClientId", "KeyVersion"], _module.Capabilities.SettingNames);
    }

    [Fact]
    public void Create_ABadKey_FailsNow()
    {
        var account = new ChannelAccount(
            "main",
            new Dictionary<string, string> { ["ClientId"] = AlipayPlusTestKeys.ClientId, ["KeyVersion"] = "1" },
            new Dictionary<string, string> { ["merchant-private-key"] = "not a key", ["alipay-plus-public-key"] = AlipayPlusTestKeys.AlipayPlus.ExportSubjectPublicKeyInfoPem() });

        Assert.Throws<ArgumentException>(() => _module.Create(account, new HttpClient(), TimeProvider.System));
    }

    [Fact]
    public void Create_ABaseUrlWithAPath_IsRefused()
    {
        var account = new ChannelAccount(
            "main",
            new Dictionary<string, string> { ["ClientId"] = AlipayPlusTestKeys.ClientId, ["KeyVersion"] = "1", ["BaseUrl"] = "https://open-sea-global.alipay.com/ams" },
            new Dictionary<string, string>
            {
                ["merchant-private-key"] = AlipayPlusTestKeys.Merchant.ExportPkcs8PrivateKeyPem(),
                ["alipay-plus-public-key"] = AlipayPlusTestKeys.AlipayPlus.ExportSubjectPublicKeyInfoPem(),
            });

        Assert.Throws<ArgumentException>(() => _module.Create(account, new HttpClient(), TimeProvider.System));
    }
}
