using Microsoft.Extensions.Options;
using Moq;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Configuration;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Tests.Channels;

public sealed class ChannelResolverTests
{
    [Fact]
    public void IsConfigured_OnlyWhenEveryWeChatPayIdentityIsSet()
    {
        var complete = new WeChatPayChannelOptions { MchId = "1900000109", AppId = "wx1", MerchantSerialNo = "A1", PlatformSerialNo = "B2" };

        Assert.True(Resolver(complete).IsConfigured(ChannelResolver.WeChatPayName));
        Assert.False(Resolver(new WeChatPayChannelOptions()).IsConfigured(ChannelResolver.WeChatPayName));
        Assert.False(Resolver(new WeChatPayChannelOptions { MchId = "1900000109", AppId = "wx1", MerchantSerialNo = "A1" }).IsConfigured(ChannelResolver.WeChatPayName));
        Assert.False(Resolver(complete).IsConfigured("alipay"));
    }

    [Fact]
    public async Task GetAsync_WhenAKeyIsMissing_SaysWhichSecret()
    {
        using var resolver = Resolver(new WeChatPayChannelOptions());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => resolver.GetAsync(ChannelResolver.WeChatPayName, CancellationToken.None));

        Assert.Contains(ChannelResolver.WeChatPayMerchantKeySecret, error.Message, StringComparison.Ordinal);
    }

    private static ChannelResolver Resolver(WeChatPayChannelOptions options) =>
        new(Mock.Of<IHttpClientFactory>(), Options.Create(options), Mock.Of<ISecretStore>(), TimeProvider.System);
}
